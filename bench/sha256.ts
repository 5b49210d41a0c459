// The ticket kernel alone: 10^6 stage-1 tickets by the library's midstate SHA-256 (words into one Uint32Array), the two
// compressions alone (unrolled for Node, compact for browsers through the package.json "browser" field), @noble/hashes
// and node:crypto over the same canonical ticket bytes, interleaved; min / median of the runs.
// Run: npx tsx bench/sha256.ts [runs=5]
import { sha256 } from "@noble/hashes/sha2";
import { fieldHasherInto } from "../src/draw/_shared/_sha256.js";
import { compressBytes as unrolledCompress, IV } from "../src/draw/_shared/_compress.js";
import { compressBytes as compactCompress } from "../src/draw/_shared/_compressCompact.js";
import { hexToBytes, lengthDelimited } from "../src/draw/_shared/_encoding.js";
import { STAGE1_ALGORITHM } from "../src/draw/targets/_pool.js";
import { floorInputs, hashFloor, interleaved, machine, ms, summarise, table, unitId } from "./_harness.js";

const RUNS = Number(process.argv[2] ?? 5);
const N = 1_000_000;
const seedHex = "0123456789abcdef".repeat(4);
const ids = Array.from({ length: N }, (_, i) => unitId(i));
const bytes = floorInputs(seedHex, "BENCH", ids);
const slab = new Uint32Array(8 * N);
const ours = () => {
  const h = fieldHasherInto(lengthDelimited([STAGE1_ALGORITHM, hexToBytes(seedHex), "BENCH"]));
  for (let i = 0; i < N; i++) h(ids[i] as string, slab, 8 * i);
};
// the two compressions alone, one 64-byte block per unit (the hashers around them are one module, _sha256.ts)
const block = new DataView(Uint8Array.from({ length: 64 }, (_, i) => i).buffer);
const state = new Int32Array(IV);
const compressions = (compress: typeof unrolledCompress) => () => {
  for (let i = 0; i < N; i++) compress(state, block, 0, state, 0);
};
const noble = () => {
  for (const b of bytes) sha256(b);
};
const figures: [string, () => void][] = [
  ["shuangsuiji midstate kernel, unrolled (Node; fieldHasherInto, words into a Uint32Array)", ours],
  ["compression alone, unrolled (_compress.ts: Node, CommonJS), one block per unit", compressions(unrolledCompress)],
  ["compression alone, compact (_compressCompact.ts: browsers), one block per unit", compressions(compactCompress)],
  ["@noble/hashes sha256 over the ticket bytes", noble],
];
const { floor, figures: runs } = interleaved(() => hashFloor(bytes), figures, RUNS);
const fl = summarise(floor);
console.log(`machine: ${machine()}\n${N.toLocaleString("en")} tickets, ${RUNS} interleaved runs\n`);
console.log(table(["what", "min ms", "median ms", "ns per ticket (median)", "ratio to floor"], [
  ["floor: node:crypto createHash per ticket", ms(fl.min), ms(fl.median), ((fl.median * 1e6) / N).toFixed(0), "1"],
  ...figures.map(([name], i) => {
    const t = summarise(runs[i] as number[]);
    return [name, ms(t.min), ms(t.median), ((t.median * 1e6) / N).toFixed(0), `${summarise((runs[i] as number[]).map((x, r) => x / (floor[r] as number))).median.toFixed(2)}×`];
  }),
]));
