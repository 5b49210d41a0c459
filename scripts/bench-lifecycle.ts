// The scaling curve of the task lifecycle (docs/benchmarks.md, "Task lifecycle at platform scale"): for n targets (one
// per team) it times recording n results one by one, replaying the trail, verifying the stored task and the chain, and
// two floors on the same trail in the same process — JSON.stringify + JSON.parse of the events, and one SHA-256 of
// each event's JSON. Prints min and median of the runs and each figure per event and as a multiple of the JSON floor.
// n is the number of TARGETS: the trail of a task of n targets holds 2n + 5 events (an advance-notice-recorded and a
// result-recorded event per target), printed in the "events" column; n = 50,000 is the 10⁵-event trail.
// Round 7 adds the floor of a text entry (parse, canonical JSON and node:crypto SHA-256 of each event, nothing else).
// Round 6 adds the text entries (replayTaskText, loadTaskText, and shuangsuiji/node's with node:crypto's SHA-256), timed
// from the JSON text (JSON.parse included), with JSON.parse + replayTask as their value-entry counterpart.
// Run: npx tsx scripts/bench-lifecycle.ts [n:runs ...]   (default 1000:5 3000:5 10000:5 30000:3 50000:2 100000:1)
import { sha256 } from "@noble/hashes/sha2";
import { loadTask, loadTaskText, recordResult, replayTask, replayTaskText, verifyAuditTrail, verifyTask, type TaskLifecycle } from "../src/index.js";
import * as node from "../src/node/index.js";
import { nativeTextDigest } from "../src/node/_nativeDigest.js";
import { inspectingTask, resultForms } from "../bench/_lifecycle.js";

const plan = (process.argv.length > 2 ? process.argv.slice(2) : ["1000:5", "3000:5", "10000:5", "30000:3", "50000:2", "100000:1"]).map((s) => s.split(":").map(Number) as [number, number]);
const utf8 = new TextEncoder();
const on = { on: "2026-04-15", actor: "联合检查组" };

// On a shared machine wall time includes the time spent waiting for a core; CPU time (user + system of this process,
// which runs one thread of JavaScript plus the garbage collector's helpers) is what the code costs. Both are reported;
// LIFECYCLE_BENCH_CLOCK=wall ranks by wall time instead.
const clock = process.env.LIFECYCLE_BENCH_CLOCK === "wall" ? "wall" : "cpu";
function time(runs: number, f: () => void): { min: number; median: number; wallMedian: number } {
  const t: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    f();
    w.push(performance.now() - s);
    const d = process.cpuUsage(c);
    t.push(clock === "cpu" ? (d.user + d.system) / 1000 : w[w.length - 1]!);
  }
  t.sort((a, b) => a - b);
  w.sort((a, b) => a - b);
  return { min: t[0]!, median: t[Math.floor((t.length - 1) / 2)]!, wallMedian: w[Math.floor((w.length - 1) / 2)]! };
}

console.log(`load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}; times are ${clock === "cpu" ? "CPU (user + system)" : "wall"}`);
console.log("| n (targets) | events | runs | what | min | median | wall (median) | per event (median) | × JSON floor (median) |");
console.log("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
for (const [n, runs] of plan) {
  const start = inspectingTask(n);
  const forms = resultForms(start);
  let done: TaskLifecycle = start;
  const record = time(runs, () => {
    let t = start;
    for (const f of forms) t = recordResult(t, f, on).task;
    done = t;
  });
  const storedText = JSON.stringify(done);
  const stored = JSON.parse(storedText) as TaskLifecycle;
  const events = stored.audit;
  const trailText = JSON.stringify(events);
  const rows: [string, { min: number; median: number; wallMedian: number }][] = [
    [`recordResult × ${n}, one by one`, record],
    ["replayTask of the trail", time(runs, () => void replayTask(events))],
    ["verifyTask of the stored task", time(runs, () => { if (!verifyTask(stored).ok) throw new Error("verify"); })],
    ["loadTask of the stored task", time(runs, () => void loadTask(stored))],
    ["verifyAuditTrail (chain only)", time(runs, () => void verifyAuditTrail(events))],
    // the text entries (round 6): the time includes JSON.parse of the text, which the value rows above do not
    ["replayTaskText of the trail's JSON text (parse included)", time(runs, () => void replayTaskText(trailText))],
    ["loadTaskText of the stored task's JSON text (parse included)", time(runs, () => void loadTaskText(storedText))],
    ["shuangsuiji/node replayTaskText (node:crypto SHA-256)", time(runs, () => void node.replayTaskText(trailText))],
    ["shuangsuiji/node loadTaskText (node:crypto SHA-256)", time(runs, () => void node.loadTaskText(storedText))],
    ["JSON.parse + replayTask (what a text costs through the value entry)", time(runs, () => void replayTask(JSON.parse(trailText) as TaskLifecycle["audit"]))],
    ["floor: JSON.stringify + JSON.parse of the events", time(runs, () => void JSON.parse(JSON.stringify(events)))],
    ["floor: SHA-256 of each event's JSON", time(runs, () => { for (const e of events) sha256(utf8.encode(JSON.stringify(e))); })],
    ["floor: JSON.parse of the trail's text", time(runs, () => void JSON.parse(trailText))],
    // round 7: what a text entry cannot skip — parse the text once, write each event's canonical JSON and hash it with
    // node:crypto (the digest check) — with nothing copied, checked, compared or re-run
    ["floor: JSON.parse of the text + each event's canonical JSON + node:crypto SHA-256", time(runs, () => {
      for (const e of JSON.parse(trailText) as TaskLifecycle["audit"]) {
        nativeTextDigest(JSON.stringify({ actor: e.actor, input: e.input, on: e.on, payload: e.payload, prevDigest: e.prevDigest, seq: e.seq, transition: e.transition, type: e.type }));
      }
    })],
  ];
  const floor = rows.find(([what]) => what.startsWith("floor: JSON"))![1].median;
  const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
  for (const [what, r] of rows) console.log(`| ${n.toLocaleString("en")} | ${events.length.toLocaleString("en")} | ${runs} | ${what} | ${ms(r.min)} | ${ms(r.median)} | ${ms(r.wallMedian)} | ${((r.median / events.length) * 1000).toFixed(0)} µs | ${(r.median / floor).toFixed(1)} |`);
}
