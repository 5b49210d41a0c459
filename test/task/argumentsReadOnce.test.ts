import { describe, expect, it } from "vitest";
import { ShuangsuijiError, amendLockedList, drawInspectors, lockTargets, recordInspectorDraw, recordResult, replaceInspector, startInspection, verifyTask, type InspectorDrawRecord } from "../../src/index.js";
import { ON, POOL, SCJG, recordFor, stage2Input, teamsTask, drawnTask } from "./_scenario.js";

// hostile6b F1/F3: every transition reads its caller's input / record / options once at entry (src/task/_args.ts) and
// checks, uses and records only that copy. A getter or Proxy that shows the checks one value and the task another is
// refused (accessors are not plain data), never half-used.

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const stackHas = (re: RegExp): boolean => re.test(new Error().stack ?? "");

describe("recordInspectorDraw reads the record once (hostile6b case-01)", () => {
  const t0 = lockTargets(drawnTask(), { on: ON, actor: "信用监管科" }).task;
  const drawInput = stage2Input();
  const r = drawInspectors({ locked: t0.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  const used = new Set(r.record.departments.flatMap((d) => d.teams.flatMap((x) => x.inspectorIds)));
  const outsider = SCJG.find((i) => i.category === "qualified-staff" && !used.has(i.id))!.id;

  it("a team member that is a getter (drawn id while hashing, an undrawn one afterwards) never reaches a live team", () => {
    const rec = json(r.record) as unknown as { departments: { departmentId: string; teams: { targetIds: string[]; inspectorIds: string[] }[] }[]; leaders: { leaderId: string; targetIds: string[] }[] };
    const team = rec.departments.find((d) => d.departmentId === "SCJG")!.teams[0]!;
    const honest = [...team.inspectorIds];
    const leader = rec.leaders.find((l) => l.targetIds.includes(team.targetIds[0]!))!.leaderId;
    const forged = honest.map((id) => (id === leader ? id : outsider));
    let reads = 0;
    Object.defineProperty(team, "inspectorIds", { enumerable: true, configurable: true, get: () => (reads++ === 0 || stackHas(/stage2Body|canonicalDigest|digestOf|canonicalJson/) ? honest : forged) });
    let task;
    try {
      task = recordInspectorDraw(t0, rec as unknown as InspectorDrawRecord, { on: "2026-04-02", actor: "各参与部门", drawInput }).task;
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
      expect((e as ShuangsuijiError).code).toBe("invalid-input");
    }
    expect(task).toBeUndefined();
  });

  it("a frozen record is used as it is only when it is frozen data all the way down: a frozen getter is refused", () => {
    const rec = json(r.record) as unknown as { departments: { teams: { inspectorIds: string[] }[] }[] };
    const team = rec.departments[0]!.teams[0]!;
    const ids = [...team.inspectorIds];
    Object.defineProperty(team, "inspectorIds", { enumerable: true, configurable: false, get: () => ids });
    const deepFreeze = (v: unknown): unknown => {
      if (v !== null && typeof v === "object" && !Object.isFrozen(v)) {
        for (const k of Object.keys(v)) {
          const d = Object.getOwnPropertyDescriptor(v, k)!;
          if ("value" in d) deepFreeze(d.value);
        }
        Object.freeze(v);
      }
      return v;
    };
    deepFreeze(rec);
    expect(() => recordInspectorDraw(t0, rec as unknown as InspectorDrawRecord, { on: "2026-04-02", actor: "各参与部门", drawInput })).toThrow(ShuangsuijiError);
  });

  it("the record drawInspectors returned (frozen) and its JSON are still accepted, the same task either way", () => {
    const a = recordInspectorDraw(t0, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task;
    const b = recordInspectorDraw(t0, json(r.record), { on: "2026-04-02", actor: "各参与部门", drawInput: json(drawInput) }).task;
    expect(json(a)).toEqual(json(b));
    expect(verifyTask(json(a)).ok).toBe(true);
  });
});

describe("replaceInspector reads its input once (hostile6b case-16)", () => {
  it("a directory row that is a Proxy (the auxiliary expert to the digest, qualified staff to the rules) is refused", () => {
    const t = teamsTask("chongqing");
    const team = t.teams[0]!;
    const member = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!;
    const expert = SCJG.find((i) => i.category === "expert")!;
    const forged: Record<string, unknown> = { category: "qualified-staff", certificateNumber: "执法证SCJG-X" };
    const hashing = () => stackHas(/digestOf|canonicalDigest|canonicalJson/);
    const row = new Proxy({ ...expert }, {
      get: (o, k) => (!hashing() && typeof k === "string" && k in forged ? forged[k] : Reflect.get(o, k)),
      getOwnPropertyDescriptor: (o, k) => (!hashing() && typeof k === "string" && k in forged ? { value: forged[k], enumerable: true, configurable: true, writable: true } : Reflect.getOwnPropertyDescriptor(o, k)),
      has: (o, k) => (!hashing() && typeof k === "string" && k in forged) || Reflect.has(o, k),
    });
    const head = { name: "李科长", role: "department-head" as const, on: "2026-04-08", departmentId: "SCJG" };
    const input = (directory: unknown[]) => ({ targetId: team.targetIds[0]!, outgoingId: member.inspectorId, substituteId: expert.id, reason: "health" as const, approval: head, chosenBy: "城关所", directory, on: "2026-04-08", actor: "x" });
    const honest = (() => { try { replaceInspector(t, input(SCJG.map((i) => ({ ...i }))) as never); return "accepted"; } catch (e) { return (e as ShuangsuijiError).issues[0]?.rule; } })();
    expect(honest).toBe("replacement-substitute-qualified");
    let task;
    try {
      task = replaceInspector(t, input(SCJG.map((i) => (i.id === expert.id ? row : { ...i }))) as never).task;
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
    }
    expect(task?.teams[0]?.members.map((m) => m.inspectorId) ?? []).not.toContain(expert.id);
  });
});

describe("amendLockedList reads its input once (hostile6b case-18)", () => {
  it("a pool that shows commitPool the committed units and the lookup one more never adds that unit", () => {
    const t = lockTargets(drawnTask(), { on: ON, actor: "信用监管科" }).task;
    const outsider = "91350100MA2XYZ0001";
    const honest = POOL.map((u) => ({ ...u }));
    const forged = [...honest, { id: outsider, riskClass: "A" }];
    const committing = () => stackHas(/commitPool|poolConfig|unitProcessor|eachUnit/);
    const pool = new Proxy(honest, {
      get: (o, k) => Reflect.get(committing() ? o : forged, k),
      has: (o, k) => Reflect.has(committing() ? o : forged, k),
      getOwnPropertyDescriptor: (o, k) => Reflect.getOwnPropertyDescriptor(committing() ? o : forged, k),
    });
    const approval = { name: "王局长", role: "principal-head" as const, on: "2026-04-05", departmentId: "SCJG" };
    const input = (p: unknown) => ({ add: [outsider], remove: [], reason: "核实", approval, pool: p, on: "2026-04-05", actor: "p" }) as never;
    expect(() => amendLockedList(t, input(forged))).toThrow(ShuangsuijiError);
    let task;
    try {
      task = amendLockedList(t, input(pool)).task;
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
    }
    expect(task?.targetIds ?? []).not.toContain(outsider);
  });
});

describe("options are read once: the event and its recorded input agree (hostile6b F3, case-10)", () => {
  it("recordResult with a getter `on` is refused, never an event that does not replay", () => {
    const t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    let reads = 0;
    const options = { actor: "联合检查组", get on() { return reads++ === 0 ? "2026-04-15" : "2026-04-16"; } };
    let task;
    try {
      task = recordResult(t, recordFor(t, t.targetIds[0]!), options).task;
    } catch (e) {
      expect((e as ShuangsuijiError).code).toBe("invalid-input");
    }
    if (task !== undefined) expect(verifyTask(json(task)).ok).toBe(true);
    expect(task).toBeUndefined();
  });

  it("a Proxy of the options whose `on` flips between reads gives an event that replays, or is refused", () => {
    const t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    let reads = 0;
    const options = new Proxy({ actor: "联合检查组", on: "2026-04-15" }, { get: (o, k) => (k === "on" ? (reads++ === 0 ? "2026-04-15" : "2026-04-16") : Reflect.get(o, k)) });
    let task;
    try {
      task = recordResult(t, recordFor(t, t.targetIds[0]!), options).task;
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
    }
    if (task !== undefined) {
      const last = task.audit[task.audit.length - 1]!;
      expect((last.input[1] as { on: string }).on).toBe(last.on);
      expect(verifyTask(json(task)).ok).toBe(true);
    }
  });
});
