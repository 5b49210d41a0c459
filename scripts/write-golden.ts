// Writes test/draw/golden/stage1-v1.json ONCE for a new algorithm version. Refuses to overwrite an existing file.
import { existsSync, writeFileSync } from "node:fs";
import { computeGolden } from "../test/draw/_golden.js";
const path = new URL("../test/draw/golden/stage1-v1.json", import.meta.url);
if (existsSync(path)) {
  console.error("golden vectors are frozen: a changed output needs a new algorithm version");
  process.exit(1);
}
writeFileSync(path, `${JSON.stringify(computeGolden(), null, 2)}\n`);
console.log("wrote", path.pathname);
