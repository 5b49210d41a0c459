// Checks the generated API reference (docs/api, after `typedoc`): module pages are named after the package entries, the
// guides come in reading order, and the search finds Chinese terms. Run by `npm run docs`.
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import lunr from "lunr";

const root = new URL("../", import.meta.url);
const read = (f) => readFileSync(new URL(`docs/api/${f}`, root), "utf8");
const unpack = (js, name) => JSON.parse(inflateSync(Buffer.from(new RegExp(`window.${name} = "([^"]+)"`).exec(js)[1], "base64")).toString());
const failures = [];

const nav = unpack(read("assets/navigation.js"), "navigationData");
const flat = (items) => items.flatMap((i) => [i, ...flat(i.children ?? [])]);
const names = flat(nav).map((i) => i.text);
const paths = flat(nav).map((i) => i.path);
for (const m of ["shuangsuiji", "shuangsuiji/calendar", "shuangsuiji/stats", "shuangsuiji/node", "shuangsuiji/duckdb", "shuangsuiji/postgres"]) {
  if (!paths.includes(`modules/${m.replace("/", "_")}.html`)) failures.push(`no module page named ${m}`);
}
if (names.includes("index") || paths.some((p) => /modules\/index/.test(p ?? ""))) failures.push('a module page is still called "index"');
const guides = JSON.parse(readFileSync(new URL("typedoc.json", root), "utf8")).projectDocuments.map((f) => f.replace(/^docs\/|\.md$/g, ""));
const navGuides = flat(nav).map((i) => /documents\/([\w-]+)\.html$/.exec(i.path ?? "")?.[1]).filter(Boolean);
if (JSON.stringify(navGuides) !== JSON.stringify(guides)) failures.push(`guides not in reading order: ${navGuides.join(", ")} (expected ${guides.join(", ")})`);

const search = unpack(read("assets/search.js"), "searchData");
const index = lunr.Index.load(search.index);
const expect = { 工作日: "isWorkingDay", 统一社会信用代码: "parseUscc", 双随机: undefined, 抽查: undefined, addWorkingDays: "addWorkingDays" };
for (const [term, hit] of Object.entries(expect)) {
  const found = index.search(`*${term}*`).map((r) => search.rows[Number(r.ref)].name);
  if (found.length === 0 || (hit !== undefined && !found.includes(hit))) failures.push(`searching "${term}" finds ${found.length === 0 ? "nothing" : found.slice(0, 5).join(", ")}${hit === undefined ? "" : ` (expected ${hit})`}`);
}
if (failures.length > 0) {
  console.error(`API reference problems:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`API reference: ${names.length} navigation entries, entry modules named, ${guides.length} guides in reading order, Chinese search works`);
