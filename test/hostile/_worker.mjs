// Worker-thread host of the fuzz loop: loads the TypeScript sources through tsx and streams one report per export.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { fuzz } = await tsImport("./_fuzz.ts", import.meta.url);
const progress = new Int32Array(workerData.progress);
await fuzz(workerData.targets, { runs: workerData.runs, seed: workerData.seed, progress }, (r) => parentPort.postMessage({ type: "report", report: r }));
parentPort.postMessage({ type: "done" });
