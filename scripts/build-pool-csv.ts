/**
 * Writes examples/data/pool.csv — the clean pool (table B.1, Chinese headers, UTF-8 with a BOM as Excel saves it) of the
 * README's command-line walk-through — from the organisations of examples/data/targets.json. `--check` fails when the
 * committed file differs. (examples/data/targets-county.csv is the *messy* import example and is not touched.)
 *   npx tsx scripts/build-pool-csv.ts [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("../examples/data/", import.meta.url);
const STATUS_ZH: Record<string, string> = {
  operating: "存续", deregistered: "注销", "licence-revoked": "吊销", "moved-out": "迁出", "closed-or-liquidating": "清算", "registration-cancelled": "撤销",
};
const HEADERS = ["行政相对人名称", "统一社会信用代码", "法定代表人", "住所", "联系电话", "所属区县", "主体类型", "行政区划代码", "信用风险分类", "成立日期", "登记状态", "行业"];

type Target = Record<string, unknown> & { kind: string };
const cell = (v: unknown): string => {
  const s = v === undefined ? "" : Array.isArray(v) ? v.join("、") : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function poolCsv(targets: readonly Target[]): string {
  const rows = targets
    .filter((t) => t.kind === "organisation")
    .map((t) => [t.name, t.code, t.legalRepresentative, t.address, t.phone, t.county, t.nature, t.divisionCode, t.riskClass, t.registrationDate, STATUS_ZH[t.status as string] ?? t.status, t.industries].map(cell).join(","));
  return `\uFEFF${[HEADERS.join(","), ...rows].join("\r\n")}\r\n`;
}

if (process.argv[1]?.endsWith("build-pool-csv.ts")) {
  const text = poolCsv(JSON.parse(readFileSync(new URL("targets.json", root), "utf8")) as Target[]);
  const file = new URL("pool.csv", root);
  if (process.argv.includes("--check")) {
    if (readFileSync(file, "utf8") !== text) {
      console.error("examples/data/pool.csv is out of date: run npx tsx scripts/build-pool-csv.ts");
      process.exit(1);
    }
    console.log("examples/data/pool.csv is up to date");
  } else {
    writeFileSync(file, text);
    console.log(`wrote examples/data/pool.csv (${text.split("\r\n").length - 2} rows)`);
  }
}
