// A writer that dies mid-transaction: it runs the store's own append for a granted recusal (two events), and after
// the first INSERT of the transaction reports "inserted" and hangs until the test kills it with SIGKILL.
import pg from "pg";
import { decideRecusalRequest, type Inspector } from "../../src/index.js";
import { createPostgresEventStore, type PgPoolLike } from "../../src/postgres/index.js";

const [url, table, taskId] = process.argv.slice(2) as [string, string, string];
const real = new pg.Pool({ connectionString: url, max: 1 });
const pool: PgPoolLike = {
  query: (text, values) => real.query(text, values),
  async connect() {
    const client = await real.connect();
    return {
      release: (e?: Error | boolean) => client.release(e),
      async query(text: string, values?: unknown[]) {
        const r = await client.query(text, values);
        if (text.startsWith("INSERT")) {
          process.stdout.write("inserted\n");
          await new Promise(() => undefined); // never returns: the second event and COMMIT never come
        }
        return r;
      },
    };
  },
};
const store = createPostgresEventStore(pool, { table });
await store.update(taskId, (t) => {
  const team = t.teams[0]!;
  const outgoing = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!;
  const member = new Set(team.members.map((m) => m.inspectorId));
  const sub: Inspector = { id: [...Array(100).keys()].map((i) => `SCJG-${String(i).padStart(6, "0")}`).find((id) => !member.has(id))!, name: "替补", departmentId: "SCJG", certificateNumber: "执法证SCJG-替补", category: "qualified-staff", expertise: ["食品"] };
  return decideRecusalRequest(t, {
    targetId: team.targetIds[0]!, inspectorId: outgoing.inspectorId, grounds: "亲属关系", granted: true,
    decision: { name: "王局长", role: "department-head", on: "2026-04-12", departmentId: "SCJG" }, substitute: { substituteId: sub.id, chosenBy: "法制科", directory: [sub] },
    on: "2026-04-12", actor: "法制科",
  });
});
