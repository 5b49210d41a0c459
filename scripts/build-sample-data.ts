/**
 * Generates the synthetic county data set in examples/data/ (deterministic: a fixed seed through SHA-256 and
 * pure-rand), used by the demo, the examples and the tests. Entirely fictitious: names are composed from word lists,
 * USCCs are generated with correct check characters for fictitious entity codes.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "../src/ids/_uscc.js";
import { formatDayNumber, dayNumber } from "../src/calendar/_days.js";

const digest = createHash("sha256").update("shuangsuiji sample data v1").digest();
const rng = xoroshiro128plusFromState([digest.readInt32LE(0), digest.readInt32LE(4), digest.readInt32LE(8), digest.readInt32LE(12)]);
const int = (lo: number, hi: number) => uniformInt(rng, lo, hi);
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
const weighted = <T>(pairs: readonly [T, number][]): T => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = int(1, total);
  for (const [v, w] of pairs) if ((r -= w) <= 0) return v;
  return pairs[0]![0];
};

const DIVISIONS = [
  ["411303", "卧龙区"], ["411302", "宛城区"], ["411321", "南召县"], ["411322", "方城县"], ["411323", "西峡县"],
] as const;
const STATIONS = ["城关市场监管所", "七里园市场监管所", "石桥市场监管所", "潦河市场监管所", "蒲山市场监管所"];

const departments = [
  { id: "SCJG", name: "区市场监督管理局", level: "county", divisionCode: "411303", competentFields: ["食品经营", "特种设备", "产品质量", "企业信息公示", "价格"] },
  { id: "WJW", name: "区卫生健康委员会", level: "county", divisionCode: "411303", competentFields: ["公共场所卫生", "医疗机构"] },
  { id: "YJGL", name: "区应急管理局", level: "county", divisionCode: "411303", competentFields: ["安全生产"] },
  { id: "SWJ", name: "区商务局", level: "county", divisionCode: "411303", competentFields: ["成品油流通", "单用途预付卡"] },
  { id: "STHJ", name: "市生态环境局卧龙分局", level: "county", divisionCode: "411303", competentFields: ["生态环境"] },
] as const;

const items = [
  { id: "SCJG-01", seq: 1, field: "企业信息公示", name: "企业公示信息情况的检查", objectType: "企业", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], category: "general", maxRatio: 0.05, methods: ["documents", "on-site"], basis: "《企业信息公示暂行条例》", requiredExpertise: ["信用监管"] },
  { id: "SCJG-02", seq: 2, field: "食品经营", name: "食品经营者落实食品安全主体责任情况检查", objectType: "食品经营者", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], category: "key", methods: ["on-site"], basis: "《食品安全法》", advanceNoticeCategory: "food-production-and-sale", requiredExpertise: ["食品"] },
  { id: "SCJG-03", seq: 3, field: "特种设备", name: "特种设备使用单位检查", objectType: "特种设备使用单位", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["YJGL"], category: "key", methods: ["on-site"], basis: "《特种设备安全法》", requiredExpertise: ["特种设备"] },
  { id: "SCJG-04", seq: 4, field: "产品质量", name: "生产许可获证企业检查", objectType: "生产许可获证企业", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], category: "key", methods: ["on-site", "sampling-test"], basis: "《工业产品生产许可证管理条例》", requiredExpertise: ["产品质量"] },
  { id: "SCJG-05", seq: 5, field: "价格", name: "明码标价行为检查", objectType: "经营者", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], category: "general", maxRatio: 0.1, methods: ["on-site"], basis: "《价格法》", requiredExpertise: ["价格"] },
  { id: "WJW-01", seq: 6, field: "公共场所卫生", name: "公共场所卫生监督检查", objectType: "公共场所经营单位", initiatingDepartmentId: "WJW", cooperatingDepartmentIds: ["SCJG"], category: "general", maxRatio: 0.2, methods: ["on-site"], basis: "《公共场所卫生管理条例》", requiredExpertise: ["公共卫生"] },
  { id: "YJGL-01", seq: 7, field: "安全生产", name: "工贸企业安全生产检查", objectType: "工贸企业", initiatingDepartmentId: "YJGL", cooperatingDepartmentIds: ["SCJG"], category: "key", methods: ["on-site"], basis: "《安全生产法》", advanceNoticeCategory: "work-safety", requiredExpertise: ["安全生产"] },
  { id: "SWJ-01", seq: 8, field: "成品油流通", name: "成品油经营企业检查", objectType: "成品油经营企业", initiatingDepartmentId: "SWJ", cooperatingDepartmentIds: ["SCJG", "YJGL"], category: "key", methods: ["on-site"], basis: "《成品油市场管理办法》", requiredExpertise: ["成品油"] },
  { id: "SWJ-02", seq: 9, field: "单用途预付卡", name: "单用途商业预付卡发卡企业检查", objectType: "发卡企业", initiatingDepartmentId: "SWJ", cooperatingDepartmentIds: ["SCJG"], category: "general", maxRatio: 0.1, methods: ["documents"], basis: "《单用途商业预付卡管理办法（试行）》", requiredExpertise: ["商务执法"] },
  { id: "STHJ-01", seq: 10, field: "生态环境", name: "排污单位执行排污许可制度检查", objectType: "排污单位", initiatingDepartmentId: "STHJ", cooperatingDepartmentIds: [], category: "key", methods: ["on-site"], basis: "《排污许可管理条例》", requiredExpertise: ["环境监测"] },
];

const EXPERTISE: Record<string, string[]> = {
  SCJG: ["食品", "特种设备", "产品质量", "价格", "信用监管", "广告"], WJW: ["公共卫生", "医疗"], YJGL: ["安全生产", "危化品"],
  SWJ: ["成品油", "商务执法"], STHJ: ["环境监测", "排污许可"],
};
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建文辉力鹏飞斌宇浩凯健俊帆帅旭宁波亮晨峰".split("");
const person = () => pick(SURNAMES) + pick(GIVEN) + (int(0, 1) === 1 ? pick(GIVEN) : "");
const phone = () => `1${pick(["3", "5", "7", "8", "9"])}${String(int(0, 999999999)).padStart(9, "0")}`;

const inspectors: Record<string, unknown>[] = [];
let cert = 41130000;
for (const d of departments) {
  const n = d.id === "SCJG" ? 60 : 18;
  for (let i = 0; i < n; i++) {
    const station = d.id === "SCJG" && i >= 12;
    const expertise = [...new Set([pick(EXPERTISE[d.id]!), pick(EXPERTISE[d.id]!)])];
    const category = i % 17 === 16 ? "expert" : weighted([["enforcement-civil-servant", 5], ["qualified-staff", 3], ["supervision-staff", 1]] as const);
    const id = `${d.id}-${String(i + 1).padStart(3, "0")}`;
    inspectors.push({
      id, seq: inspectors.length + 1, name: person(), phone: phone(), county: "卧龙区", departmentId: d.id,
      unit: station ? STATIONS[i % STATIONS.length] : d.name, unitKind: station ? "station" : "bureau",
      ...(category === "expert" ? {} : { certificateNumber: `豫${cert++}` }),
      category, expertise,
    });
  }
}

const WORDS = ["鑫", "华", "宏", "盛", "源", "瑞", "祥", "丰", "达", "兴", "隆", "泰", "康", "安", "顺", "宛", "卧龙", "伏牛", "白河", "独山"];
const TRADES: [string, string, string[]][] = [
  ["餐饮管理", "食品经营", ["SCJG", "WJW"]], ["食品销售", "食品经营", ["SCJG"]], ["机械设备", "特种设备", ["SCJG", "YJGL"]],
  ["建材", "产品质量", ["SCJG"]], ["商贸", "价格", ["SCJG"]], ["酒店管理", "公共场所卫生", ["WJW", "SCJG"]],
  ["石油销售", "成品油流通", ["SWJ", "SCJG", "YJGL"]], ["化工", "安全生产", ["YJGL", "SCJG"]], ["美容美发", "公共场所卫生", ["WJW", "SCJG"]],
  ["健身服务", "单用途预付卡", ["SWJ", "SCJG"]], ["纺织", "生态环境", ["STHJ", "SCJG"]],
];
function uscc(authority: string, category: string, division: string): string {
  let entity = "";
  for (let i = 0; i < 8; i++) entity += i < 2 && int(0, 3) === 0 ? pick(["M", "A", "L"]) : String(int(0, 9));
  entity += organisationCodeCheck(entity);
  const first17 = authority + category + division + entity;
  return first17 + usccCheckCharacter(first17);
}
void USCC_CHARSET;

const targets: Record<string, unknown>[] = [];
const used = new Set<string>();
for (let i = 0; i < 3000; i++) {
  const [division, county] = weighted(DIVISIONS.map((d, k) => [d, k === 0 ? 6 : 1] as [typeof d, number]));
  const individual = int(1, 10) <= 3;
  const coop = !individual && int(1, 30) === 1;
  const code = uscc("9", individual ? "2" : coop ? "3" : "1", division);
  if (used.has(code)) continue;
  used.add(code);
  const [trade, field, depts] = pick(TRADES);
  const name = `南阳市${county}${pick(WORDS)}${pick(WORDS)}${trade}${individual ? "店" : coop ? "专业合作社" : "有限公司"}`;
  const riskClass = weighted([["A", 40], ["B", 40], ["C", 15], ["D", 5]] as const);
  const reg = formatDayNumber(dayNumber(2005, 1, 1) + int(0, 7300));
  const status = weighted([["operating", 94], ["deregistered", 3], ["licence-revoked", 2], ["moved-out", 1]] as const);
  targets.push({
    kind: "organisation", id: code, code, codeType: "uscc", name, riskClass, divisionCode: division, county,
    address: `南阳市${county}${pick(["中州路", "七一路", "仲景路", "卧龙路", "人民路", "建设路"])}${int(1, 999)}号`,
    phone: phone(), nature: individual ? "个体工商户" : coop ? "农民专业合作社" : "企业", legalRepresentative: person(),
    registrationDate: reg, status, departmentIds: depts, industries: [field],
  });
}
for (let i = 0; i < 40; i++) {
  const unit = targets[int(0, targets.length - 1)] as { name: string; code: string; divisionCode: string; county: string; riskClass: string };
  targets.push({
    kind: "site", id: `SITE-${String(i + 1).padStart(3, "0")}`, name: `${unit.name}${pick(["仓库", "加油站", "锅炉房", "游泳馆"])}`,
    riskClass: unit.riskClass, divisionCode: unit.divisionCode, county: unit.county, responsibleUnit: unit.name,
    responsibleUnitUscc: unit.code, responsiblePerson: person(), usage: pick(["仓储", "经营", "生产"]), scale: `${int(100, 5000)}平方米`,
    inServiceDate: formatDayNumber(dayNumber(2010, 1, 1) + int(0, 5000)), departmentIds: ["SCJG", "YJGL"], industries: ["特种设备"],
  });
}
for (let i = 0; i < 40; i++) {
  const unit = targets[int(0, 2999)] as { name: string; code: string; divisionCode: string; county: string; riskClass: string };
  const issue = dayNumber(2020, 1, 1) + int(0, 1800);
  const licence = `SC${String(int(0, 99999999999999)).padStart(14, "0")}`;
  targets.push({
    kind: "product", id: licence, licenceNumber: licence, name: unit.name, uscc: unit.code, productName: pick(["糕点", "饮料", "建筑用钢筋", "电线电缆"]),
    issueDate: formatDayNumber(issue), expiryDate: formatDayNumber(issue + 5 * 365), riskClass: unit.riskClass,
    divisionCode: unit.divisionCode, county: unit.county, departmentIds: ["SCJG"], industries: ["产品质量"],
  });
}

const plan = {
  id: "PLAN-2026-WOLONG", year: 2026, name: "卧龙区2026年度部门联合“双随机、一公开”抽查工作计划", jurisdiction: "卧龙区联席办", publishedOn: "2026-03-27",
  rows: [
    { seq: 1, name: "餐饮服务单位联合抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], initiatingItemIds: ["SCJG-02"], cooperatingItemIds: ["WJW-01"], targetDescription: "餐饮服务经营者", window: { start: "2026-04-01", end: "2026-06-30" }, ratio: 0.05 },
    { seq: 2, name: "特种设备使用单位联合抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["YJGL"], initiatingItemIds: ["SCJG-03"], cooperatingItemIds: ["YJGL-01"], targetDescription: "特种设备使用单位", window: { start: "2026-05-01", end: "2026-08-31" }, ratio: 0.1 },
    { seq: 3, name: "成品油经营企业联合抽查", initiatingDepartmentId: "SWJ", cooperatingDepartmentIds: ["SCJG", "YJGL"], initiatingItemIds: ["SWJ-01"], cooperatingItemIds: ["SCJG-05"], targetDescription: "成品油经营企业", window: { start: "2026-06-01", end: "2026-09-30" }, targetCount: 12 },
    { seq: 4, name: "企业公示信息抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], initiatingItemIds: ["SCJG-01"], cooperatingItemIds: [], targetDescription: "辖区内企业", window: { start: "2026-07-01", end: "2026-11-30" }, ratio: 0.03 },
  ],
};

const dir = new URL("../examples/data/", import.meta.url);
const write = (name: string, data: unknown) => writeFileSync(new URL(name, dir), `${JSON.stringify(data, null, 1)}\n`);
write("departments.json", departments);
write("items.json", items);
write("inspectors.json", inspectors);
writeFileSync(new URL("targets.json", dir), `[\n${targets.map((t) => JSON.stringify(t)).join(",\n")}\n]\n`);
// A small CSV as county staff keep it: messy headers (spaces, variants, full-width brackets), 风险等级 as "B类",
// Chinese-style dates, and two deliberately bad rows for the import example.
const csvHeader = [" 企业名称 ", "统一社会信用代码", "住所（经营场所）", "联系电话", "所属区县", "主体类型", "行政区划代码", "风险等级", "成立日期", "登记状态"];
const csvRows = (targets.slice(0, 20) as Record<string, string>[]).map((t, k) => [
  t.name, k === 7 ? `${t.code!.slice(0, 17)}${t.code!.endsWith("0") ? "1" : "0"}` : t.code, t.address, t.phone, t.county, t.nature,
  t.divisionCode, k === 13 ? "Z类" : `${t.riskClass}类`, k % 2 === 0 ? t.registrationDate!.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, "$1年$2月$3日") : t.registrationDate, "存续",
]);
const csvCell = (v: unknown) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
writeFileSync(new URL("targets-county.csv", dir), `\uFEFF${[csvHeader, ...csvRows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`);
write("plan.json", plan);
console.log(`departments ${departments.length}, items ${items.length}, inspectors ${inspectors.length}, targets ${targets.length}`);
