// Writes the golden vectors ONCE per algorithm version. Refuses to overwrite an existing file: a changed output needs a
// new algorithm version (shuangsuiji/stage1/v2, …), never an edit of the frozen vectors.
import { existsSync, writeFileSync } from "node:fs";
import { computeGolden, computeGoldenStage2 } from "../test/draw/_golden.js";
for (const [file, compute] of [["stage1-v1.json", computeGolden], ["stage2-v1.json", computeGoldenStage2]] as const) {
  const path = new URL(`../test/draw/golden/${file}`, import.meta.url);
  if (existsSync(path)) {
    console.log(`${file}: frozen, left as is`);
    continue;
  }
  writeFileSync(path, `${JSON.stringify(compute(), null, 2)}\n`);
  console.log(`${file}: written`);
}
