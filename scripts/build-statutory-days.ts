/**
 * Generates src/calendar/_statutoryData.ts: the Gregorian dates of the lunar-dated statutory days of
 * 《全国年节及纪念日放假办法》 art. 2 (春节 正月初一, hence 除夕 and 初二–初三; 清明 the solar-term day; 端午 五月初五;
 * 中秋 八月十五) from 2025 (the 2024 revision in force), which `outsideCoverage: "assume-weekdays"` takes as days off in
 * a year no State Council notice covers (hostile9b F1): the years after the bundled calendar (2027 on), or 2025–2026
 * for a calendar that ends before them.
 *
 * Two independent sources, compared date by date; the build fails on any disagreement, and the table stops before the
 * first year they disagree on:
 * - lunar-javascript (6tail; astronomical new moons and solar terms, 寿星天文历 algorithms), not a dependency of the
 *   package: install it outside the tree, e.g. `npm install --no-save --prefix /tmp/lunar lunar-javascript@1.7.7`, and
 *   pass its folder in LUNAR_JAVASCRIPT (default: the bare name `lunar-javascript`);
 * - chinese-days (vsme; the classic 1900–2100 lunar month table and its solar-term table), the dev dependency that
 *   scripts/build-calendar.ts already uses.
 * It also computes the days of the bundled years 2010–2026 with both sources, under the art. 2 text in force each year
 * (春节 除夕–初二 to 2013, 初一–初三 2014–2024, 除夕–初三 from 2025), and fails unless every one is an off day of the
 * official calendar (CN_CALENDAR, the State Council notices).
 *
 * Usage: LUNAR_JAVASCRIPT=/tmp/lunar/node_modules/lunar-javascript tsx scripts/build-statutory-days.ts [--check]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import chineseDays from "chinese-days";
import { CN_CALENDAR } from "../src/calendar/CN_CALENDAR.js";

const FIRST = 2025;
/** Last year asked of the sources (chinese-days' table ends in 2100). */
const ASK_LAST = 2100;
const check = process.argv.includes("--check");
const outPath = fileURLToPath(new URL("../src/calendar/_statutoryData.ts", import.meta.url));
const ljPath = process.env.LUNAR_JAVASCRIPT ?? "lunar-javascript";
const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LJ = require(ljPath) as { Lunar: { fromYmd(y: number, m: number, d: number): { getSolar(): { toYmd(): string }; getJieQiTable(): Record<string, { toYmd(): string }> } } };
const ljVersion = (JSON.parse(readFileSync(require.resolve(`${ljPath}/package.json`), "utf8")) as { version: string }).version;
const cdVersion = (JSON.parse(readFileSync(require.resolve("chinese-days/package.json"), "utf8")) as { version: string }).version;

const pad = (n: number) => String(n).padStart(2, "0");
const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 864e5;
const iso = (n: number) => new Date(n * 864e5).toISOString().slice(0, 10);

interface Lunar { chuyi: string; qingming: string; duanwu: string; zhongqiu: string }
const fromLunarJavascript = (y: number): Lunar => ({
  chuyi: LJ.Lunar.fromYmd(y, 1, 1).getSolar().toYmd(),
  qingming: LJ.Lunar.fromYmd(y, 1, 1).getJieQiTable()["清明"]!.toYmd(),
  duanwu: LJ.Lunar.fromYmd(y, 5, 5).getSolar().toYmd(),
  zhongqiu: LJ.Lunar.fromYmd(y, 8, 15).getSolar().toYmd(),
});
const cd = (y: number, m: number, d: number) => (chineseDays.getSolarDateFromLunar(`${y}-${pad(m)}-${pad(d)}`) as { date: string }).date;
function fromChineseDays(y: number): Lunar {
  const terms = chineseDays.getSolarTermsInRange(`${y}-04-01`, `${y}-04-10`) as { date: string; name: string; index: number }[];
  return { chuyi: cd(y, 1, 1), qingming: terms.find((t) => t.name === "清明" && t.index === 1)?.date ?? "none", duanwu: cd(y, 5, 5), zhongqiu: cd(y, 8, 15) };
}

// 1. The two sources, date by date.
const problems: string[] = [];
const table: Lunar[] = [];
let last = ASK_LAST;
for (let y = 2010; y <= ASK_LAST; y++) {
  const a = fromLunarJavascript(y);
  const b = fromChineseDays(y);
  const differ = (Object.keys(a) as (keyof Lunar)[]).filter((k) => a[k] !== b[k]);
  if (differ.length > 0) {
    if (y < FIRST) problems.push(`${y}: the sources disagree on ${differ.map((k) => `${k} (${a[k]} / ${b[k]})`).join(", ")}`);
    else if (last === ASK_LAST) {
      last = y - 1;
      console.log(`${y}: the sources disagree on ${differ.map((k) => `${k} (lunar-javascript ${a[k]} / chinese-days ${b[k]})`).join(", ")}: the table ends in ${last}`);
    }
  }
  if (y >= FIRST && y <= last) table.push(a);
}
table.length = last - FIRST + 1;

// 2. The bundled years: every lunar-dated statutory day computed here is an off day of the official calendar.
for (let y = 2010; y <= 2026; y++) {
  const l = fromLunarJavascript(y);
  const c = day(l.chuyi);
  const spring = y <= 2013 ? [c - 1, c, c + 1] : y <= 2024 ? [c, c + 1, c + 2] : [c - 1, c, c + 1, c + 2];
  const off = new Set(CN_CALENDAR.years[y]!.holidays.map((h) => h.date));
  const statutory = new Set(CN_CALENDAR.years[y]!.statutoryDays);
  for (const d of [...spring.map(iso), l.qingming, l.duanwu, l.zhongqiu]) {
    if (!off.has(d)) problems.push(`${y}: computed statutory day ${d} is not an off day of the official calendar`);
    if (!statutory.has(d)) problems.push(`${y}: computed statutory day ${d} is not among the bundled statutory days`);
  }
}

// 3. The compact form, per year from firstYear: in `lunar`, two base-36 digits: 正月初一 − 21 January, then 6 × b + c
//    for the lunar months in between, where 端午 − 初一 = 121 + b days (b 0–2), or 148 + b with a leap month before the
//    fifth (b 3–5), and 中秋 − 端午 = 97 + c days (c 0–2), or 124 + c with a leap month between them (c 3–5); in
//    `qingming`, the April day of 清明 as one decimal digit.
const sixth = (v: number, base: number) => (v >= base && v <= base + 2 ? v - base : v >= base + 30 && v <= base + 32 ? v - base - 27 : -1);
let lunar = "";
let qingming = "";
table.forEach((l, k) => {
  const y = FIRST + k;
  const c = day(l.chuyi) - day(`${y}-01-21`);
  const b6 = sixth(day(l.duanwu) - day(l.chuyi), 121);
  const c6 = sixth(day(l.zhongqiu) - day(l.duanwu), 97);
  if (c < 0 || c > 35 || b6 < 0 || c6 < 0) problems.push(`${y}: 初一 ${l.chuyi}, 端午 ${l.duanwu}, 中秋 ${l.zhongqiu} beyond the compact form`);
  lunar += c.toString(36) + (6 * b6 + c6).toString(36);
  if (!/^\d{4}-04-0[4-6]$/.test(l.qingming)) problems.push(`${y}: 清明 ${l.qingming} not 4–6 April`);
  qingming += l.qingming.slice(9);
});
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const out = `// GENERATED by scripts/build-statutory-days.ts — do not edit by hand.
// The lunar-dated statutory days of 《全国年节及纪念日放假办法》 art. 2 (2024 revision, in force 2025) for ${FIRST}–${last},
// taken as days off in a year the calendar does not cover by outsideCoverage: "assume-weekdays" (src/calendar/_statutory.ts).
// Sources: lunar-javascript ${ljVersion} (6tail; astronomical new moons and solar terms) and chinese-days ${cdVersion}
// (vsme; the 1900–2100 lunar month table), compared date by date for 2010–${ASK_LAST} (正月初一, 清明, 五月初五, 八月十五):
// they agree on every date to ${last}${last < ASK_LAST ? ` and disagree in ${last + 1}, where the table stops` : ""}. For 2010–2026 every day
// computed under the art. 2 text in force that year is an off day, and a statutory day, of the bundled calendar.
// Format, per year from firstYear: \`lunar\`, two base-36 digits: 正月初一 − 21 January (除夕 is the day before), then
// 6 × b + c, where 端午 − 初一 = 121 + b days (b 0–2), or 148 + b with a leap month before the fifth (b 3–5), and
// 中秋 − 端午 = 97 + c days (c 0–2), or 124 + c with a leap month between them (c 3–5). \`qingming\`: the April day of
// 清明, one digit.

/** @internal */
export const STATUTORY_DAYS_DATA = {
  firstYear: ${FIRST},
  lunar: ${JSON.stringify(lunar)},
  qingming: ${JSON.stringify(qingming)},
} as const;
`;
if (check) {
  if (readFileSync(outPath, "utf8") !== out) {
    console.error("src/calendar/_statutoryData.ts is out of date: run scripts/build-statutory-days.ts");
    process.exit(1);
  }
  console.log("statutory-day data up to date");
} else {
  writeFileSync(outPath, out);
  console.log(`wrote ${outPath} (${FIRST}–${last})`);
}
