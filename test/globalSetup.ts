// Builds the package once (JS only, no .d.ts: fast) before the suite, so the CLI tests spawn the real built bin.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/tsup/dist/cli-default.js", "--no-dts", "--silent"], { stdio: "inherit" });
}
