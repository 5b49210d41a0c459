/**
 * Compiles ../shared/data/cn-calendar.json (the State Council notices 2010–2026, cross-checked against four public
 * datasets) into src/calendar/_data.ts, the compact form shipped in the package.
 *
 * Statutory days (法定节假日, the 3×-pay days) are not flagged in the source. They are derived here from the rules of
 * 《全国年节及纪念日放假办法》 (cn-calendar.json → statutoryDayRules) with lunar and solar-term dates computed by the
 * chinese-days package (dev dependency only), and every derived day must lie inside the notice's holiday block of the
 * same festival — otherwise the build fails.
 *
 * Usage: tsx scripts/build-calendar.ts [path/to/cn-calendar.json] [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import chineseDays from "chinese-days";

interface Entry { date: string; name: string }
interface YearIn { holidays: Entry[]; workdays: Entry[]; notices: string[] }
interface Source { source: string; coverage: { firstYear: number; lastYear: number; latestAnnouncedYear: number }; years: Record<string, YearIn> }

const args = process.argv.slice(2);
const check = args.includes("--check");
const srcPath = args.find((a) => !a.startsWith("--")) ?? fileURLToPath(new URL("../../shared/data/cn-calendar.json", import.meta.url));
const outPath = fileURLToPath(new URL("../src/calendar/_data.ts", import.meta.url));
const data = JSON.parse(readFileSync(srcPath, "utf8")) as Source;

const lunar = (y: number, m: number, d: number): string => {
  const r = chineseDays.getSolarDateFromLunar(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`) as { date: string };
  return r.date;
};
const qingming = (y: number): string => {
  const terms = chineseDays.getSolarTermsInRange(`${y}-04-01`, `${y}-04-10`) as { date: string; name: string; index: number }[];
  const t = terms.find((x) => x.name === "清明" && x.index === 1);
  if (!t) throw new Error(`no 清明 in ${y}`);
  return t.date;
};
const prevDay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** 放假办法 第二条 as in force in year y, as [festival, dates]. */
function statutory(y: number): [string, string[]][] {
  const chuyi = lunar(y, 1, 1);
  const d2 = lunar(y, 1, 2);
  const d3 = lunar(y, 1, 3);
  const chuxi = prevDay(chuyi);
  const spring = y <= 2013 ? [chuxi, chuyi, d2] : y <= 2024 ? [chuyi, d2, d3] : [chuxi, chuyi, d2, d3];
  const labour = y >= 2025 ? [`${y}-05-01`, `${y}-05-02`] : [`${y}-05-01`];
  return [
    ["元旦", [`${y}-01-01`]],
    ["春节", spring],
    ["清明节", [qingming(y)]],
    ["劳动节", labour],
    ["端午节", [lunar(y, 5, 5)]],
    ["中秋节", [lunar(y, 8, 15)]],
    ["国庆节", [`${y}-10-01`, `${y}-10-02`, `${y}-10-03`]],
  ];
}

const mmdd = (iso: string) => iso.slice(5, 7) + iso.slice(8, 10);
function runs(dates: string[]): string {
  // Compact contiguous runs of day-of-month within the year: "0101-0103" or "0405".
  const sorted = [...dates].sort();
  const out: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  const next = (iso: string) => { const d = new Date(`${iso}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); };
  for (const d of sorted.slice(1)) {
    if (d === next(prev)) { prev = d; continue; }
    out.push(start === prev ? mmdd(start) : `${mmdd(start)}-${mmdd(prev)}`);
    start = prev = d;
  }
  out.push(start === prev ? mmdd(start) : `${mmdd(start)}-${mmdd(prev)}`);
  return out.join(",");
}
function grouped(entries: Entry[]): string {
  const by = new Map<string, string[]>();
  for (const e of entries) by.set(e.name, [...(by.get(e.name) ?? []), e.date]);
  return [...by].map(([name, ds]) => `${name}:${runs(ds)}`).join(";");
}

const years: Record<string, { h: string; w: string; s: string }> = {};
const problems: string[] = [];
for (let y = data.coverage.firstYear; y <= data.coverage.lastYear; y++) {
  const yd = data.years[String(y)];
  if (!yd) throw new Error(`missing year ${y}`);
  const holidaySet = new Map(yd.holidays.map((e) => [e.date, e.name]));
  const stat: string[] = [];
  for (const [festival, dates] of statutory(y)) {
    for (const d of dates) {
      const name = holidaySet.get(d);
      // A statutory day must be an off day of the notice, under the same festival (merged headings such as
      // "国庆节、中秋节" contain it). 2020 春节 extension keeps the name 春节.
      if (name === undefined || !name.includes(festival.replace("节", ""))) {
        problems.push(`${y}: statutory ${festival} day ${d} is not in the notice's ${festival} block (found ${name ?? "none"})`);
      }
      if (d.startsWith(String(y))) stat.push(d);
    }
  }
  // 除夕 of the next year can fall in this year (never happens in practice: Spring Festival is Jan 21–Feb 20).
  years[String(y)] = { h: grouped(yd.holidays), w: grouped(yd.workdays), s: runs([...new Set(stat)]) };
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const out = `// GENERATED by scripts/build-calendar.ts from cn-calendar.json — do not edit by hand.
// Source: ${data.source.replace(/\n/g, " ")}
// Format per year: h = holidays (off by notice) "名称:MMDD-MMDD,MMDD;…"; w = make-up working days (调休上班) in the same
// form; s = statutory days (法定节假日, 3×-pay) derived from 《全国年节及纪念日放假办法》 art. 2 and verified to lie in
// the notice's block of the same festival.

/** @internal */
export const BUNDLED_CALENDAR_DATA = {
  source: ${JSON.stringify("国务院办公厅关于部分节假日安排的通知 " + data.coverage.firstYear + "–" + data.coverage.lastYear + " (gov.cn), cross-checked against holiday-cn, chinese-calendar, chinese-days and lunar-javascript")},
  firstYear: ${data.coverage.firstYear},
  lastYear: ${data.coverage.lastYear},
  latestAnnouncedYear: ${data.coverage.latestAnnouncedYear},
  notices: ${JSON.stringify(Object.fromEntries(Object.entries(data.years).map(([y, v]) => [y, v.notices])), null, 2).replace(/\n/g, "\n  ")},
  years: ${JSON.stringify(years, null, 2).replace(/\n/g, "\n  ")},
} as const;
`;
if (check) {
  const current = readFileSync(outPath, "utf8");
  if (current !== out) { console.error("src/calendar/_data.ts is out of date: run npm run build:calendar"); process.exit(1); }
  console.log("calendar data up to date");
} else {
  writeFileSync(outPath, out);
  console.log(`wrote ${outPath}`);
}
