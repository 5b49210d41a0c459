// Lifecycle at platform scale (docs/benchmarks.md, "Task lifecycle"): recording n results one by one, replaying and
// verifying the n-event trail (as a value, and as JSON text through the text entries), against two floors measured in the same run on the same trail — JSON.stringify +
// JSON.parse of the events, and one SHA-256 of each event's JSON. Sizes: LIFECYCLE_BENCH_SIZES (default 1000,10000); the
// full curve to 10^5 with min/median and floor ratios: npx tsx scripts/bench-lifecycle.ts.
import { bench, describe } from "vitest";
import { sha256 } from "@noble/hashes/sha2";
import { recordResult, replayTask, replayTaskText, verifyAuditTrail, verifyTask, type AuditEvent, type TaskLifecycle } from "../src/index.js";
import { replayTaskText as nodeReplayTaskText } from "../src/node/index.js";
import { inspectingTask, resultForms } from "./_lifecycle.js";

const sizes = (process.env.LIFECYCLE_BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const utf8 = new TextEncoder();

for (const n of sizes) {
  const start = inspectingTask(n);
  const forms = resultForms(start);
  const on = { on: "2026-04-15", actor: "联合检查组" };
  let done: TaskLifecycle = start;
  for (const f of forms) done = recordResult(done, f, on).task;
  const stored = JSON.parse(JSON.stringify(done)) as TaskLifecycle;
  const events: readonly AuditEvent[] = stored.audit;
  const trailText = JSON.stringify(events);
  const opts = { iterations: 5, warmupIterations: n >= 100_000 ? 0 : 1, time: 0 };

  describe(`n = ${n}: ${n} targets, one per team; a trail of ${events.length} events`, () => {
    bench(`recordResult × ${n}, one by one`, () => {
      let t = start;
      for (const f of forms) t = recordResult(t, f, on).task;
    }, opts);
    bench("replayTask (every event re-applied and compared)", () => void replayTask(events), opts);
    bench("verifyTask (stored JSON: replay + state compared)", () => void verifyTask(stored), opts);
    bench("verifyAuditTrail (chain only)", () => void verifyAuditTrail(events), opts);
    // the text entries: JSON.parse of the text included, hence the value entry with it beside them
    bench("JSON.parse + replayTask", () => void replayTask(JSON.parse(trailText) as AuditEvent[]), opts);
    bench("replayTaskText (no boundary copy)", () => void replayTaskText(trailText), opts);
    bench("shuangsuiji/node replayTaskText (node:crypto SHA-256)", () => void nodeReplayTaskText(trailText), opts);
    bench("floor: JSON.stringify + JSON.parse of the events", () => void JSON.parse(JSON.stringify(events)), opts);
    bench("floor: SHA-256 of each event's JSON", () => {
      for (const e of events) sha256(utf8.encode(JSON.stringify(e)));
    }, opts);
  });
}
