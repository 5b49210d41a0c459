// Runs the calendar and model suites under several TZ values: results must not depend on the machine's time zone.
import { execFileSync } from "node:child_process";

const zones = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"];
for (const tz of zones) {
  console.log(`\n— TZ=${tz}`);
  execFileSync("npx", ["vitest", "run", "test/calendar", "test/model", "test/import"], { stdio: "inherit", env: { ...process.env, TZ: tz } });
}
console.log(`\nidentical results under ${zones.join(", ")}`);
