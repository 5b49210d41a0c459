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

// Compact form (issue 15, the calendar's bundle budget): per year one string "holidays|workdays|statutory days|notices",
// the first two a sequence of runs of consecutive days. A run is its name's letter (a = the first of `names`, b = the
// second, …), its first day as the day of the year (0 = 1 January) in two base-36 digits, then its length minus one in
// one base-36 digit (so at most 36 days; a longer run is split). The runs keep the order of the entries the calendar
// lists: per name in order of first appearance, days ascending. The statutory days are one base-36 code per holiday run
// (see `grouped`); decoded, they are sorted. Notices are the URLs without the gov.cn policy-library prefix and ".htm"
// ("s" first for https). The calendar entry is about 0.5 KB min+gz smaller (11.9 → 11.4 KB) than with the former
// "名称:MMDD-MMDD" form, and the per-run statutory codes save about 0.1 KB more than runs of statutory days.
const names: string[] = [];
const dayOfYear = (iso: string) => (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) - Date.UTC(Number(iso.slice(0, 4)), 0, 1)) / 864e5;
const nextDay = (iso: string) => { const d = new Date(`${iso}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); };
/** Runs of consecutive days, ascending: [first, length][]. */
function runList(year: number, dates: string[]): [string, number][] {
  const out: [string, number][] = [];
  for (const d of [...dates].sort()) {
    if (!d.startsWith(`${year}-`)) throw new Error(`${year}: ${d} is not in the year`);
    const last = out.at(-1);
    let end = last?.[0];
    for (let k = 1; last !== undefined && k < last[1]; k++) end = nextDay(end!);
    if (last !== undefined && nextDay(end!) === d && last[1] < 36) last[1]++;
    else out.push([d, 1]);
  }
  return out;
}
/**
 * The runs of one list (holidays or make-up working days), by name. With `statutory` (the holidays), also one base-36
 * code per run for its statutory days: offset × 5 + count (offset 0–6 from the run's first day, count 0–4); a run
 * holding two separate blocks of statutory days (国庆节、中秋节 in 2023 and 2025) is split before the second, so
 * that each run holds at most one block.
 */
function grouped(year: number, entries: Entry[], statutory?: Set<string>): [runs: string, codes: string] {
  const by = new Map<string, string[]>();
  for (const e of entries) by.set(e.name, [...(by.get(e.name) ?? []), e.date]);
  let runs = "";
  let codes = "";
  for (const [name, ds] of by) {
    if (!names.includes(name)) names.push(name);
    if (names.length > 26 || /[,|]/.test(name)) throw new Error(`name ${name}: more than 26 names, or a separator in a name`);
    const letter = String.fromCharCode(97 + names.indexOf(name));
    for (const [first, length] of runList(year, ds)) {
      const days: string[] = [first];
      while (days.length < length) days.push(nextDay(days.at(-1)!));
      // split before each statutory day that starts a second block
      const pieces: string[][] = [[]];
      days.forEach((d, k) => {
        const starts = statutory?.has(d) === true && (k === 0 || !statutory.has(days[k - 1]!));
        if (starts && pieces.at(-1)!.some((x) => statutory.has(x))) pieces.push([]);
        pieces.at(-1)!.push(d);
      });
      for (const piece of pieces) {
        runs += letter + dayOfYear(piece[0]!).toString(36).padStart(2, "0") + (piece.length - 1).toString(36);
        if (statutory === undefined) continue;
        const offsets = piece.flatMap((d, k) => (statutory.has(d) ? [k] : []));
        const offset = offsets[0] ?? 0;
        if (offset > 6 || offsets.length > 4) throw new Error(`${year} ${name}: statutory days beyond the compact form (offset ${offset}, ${offsets.length} days)`);
        codes += (offset * 5 + offsets.length).toString(36);
      }
    }
  }
  return [runs, codes];
}
const NOTICE = /^http(s?):\/\/www\.gov\.cn\/zhengce\/zhengceku\/([^ |]+)\.htm$/;
function notice(url: string): string {
  const m = NOTICE.exec(url);
  if (m === null) throw new Error(`notice ${url}: not a gov.cn policy-library URL (extend the compact form)`);
  return (m[1] === "s" ? "s" : "") + m[2];
}

const years: string[] = [];
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
  const statutoryDays = new Set(stat);
  const [holidays, codes] = grouped(y, yd.holidays, statutoryDays);
  const covered = yd.holidays.filter((e) => statutoryDays.has(e.date)).length;
  if (covered !== statutoryDays.size) problems.push(`${y}: a statutory day is not an off day of the notice`);
  years.push([holidays, grouped(y, yd.workdays)[0], codes, yd.notices.map(notice).join(" ")].join("|"));
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const out = `// GENERATED by scripts/build-calendar.ts from cn-calendar.json — do not edit by hand.
// Source: ${data.source.replace(/\n/g, " ")}
// Format (decoded by CN_CALENDAR.ts): one string per year from firstYear, "holidays|workdays|statutory|notices".
// Holidays (off by notice) and make-up working days (调休上班) are runs of consecutive days: the name's letter (a = the
// first of names, …), the first day as the day of the year (0 = 1 January) in two base-36 digits, the run's length
// minus one in one base-36 digit. Statutory days (法定节假日, 3×-pay), derived from 《全国年节及纪念日放假办法》 art. 2
// and verified to lie in the notice's block of the same festival, are one base-36 digit per holiday run: the offset of
// the run's first statutory day × 5 + their number (consecutive; a run is split before a second block). Notices are
// space-separated gov.cn policy-library URLs without "http://www.gov.cn/zhengce/zhengceku/" and ".htm" ("s": https).

/** @internal */
export const BUNDLED_CALENDAR_DATA = {
  source: ${JSON.stringify("国务院办公厅关于部分节假日安排的通知 " + data.coverage.firstYear + "–" + data.coverage.lastYear + " (gov.cn), cross-checked against holiday-cn, chinese-calendar, chinese-days and lunar-javascript")},
  firstYear: ${data.coverage.firstYear},
  names: ${JSON.stringify(names.join(","))},
  years: [
${years.map((y) => `    ${JSON.stringify(y)},`).join("\n")}
  ],
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
