import { toHalfWidth } from "../ids/_halfWidth.js";
import * as cell from "./_cells.js";
import type { CellParser } from "./_cells.js";

export interface ColumnDef {
  /** Field key in the intermediate row object. */
  readonly key: string;
  /** Canonical header as in the standard's table. */
  readonly header: string;
  /** Accepted variants (compared after header normalisation). */
  readonly variants: readonly string[];
  readonly parse: CellParser;
  readonly required?: boolean;
  /** Resolve department names to ids. */
  readonly departments?: "one" | "many";
}

export interface TableDef {
  readonly clause: string;
  readonly columns: readonly ColumnDef[];
}

/** Header normalisation: full-width → half-width, no spaces or punctuation (（）()-—_:：*·), lower-case Latin. */
export function normalizeHeader(h: string): string {
  return toHalfWidth(h)
    .replace(/[\s\u3000()\-—_:*·.\u00A0]/gu, "")
    .toLowerCase();
}

const col = (key: string, header: string, variants: string[], parse: CellParser, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key, header, variants: [header, ...variants].map(normalizeHeader), parse, ...extra,
});

const targetCommon = (riskClass: CellParser): ColumnDef[] => [
  col("address", "检查地址", ["地址", "住所", "经营场所", "住所经营场所", "经营地址", "注册地址"], cell.text),
  col("phone", "检查联系电话", ["联系电话", "电话", "联系方式"], cell.code),
  col("county", "所属区县", ["区县", "所属区域", "所在区县"], cell.text),
  col("nature", "行政相对人性质", ["主体类型", "市场主体类型", "企业类型", "相对人性质"], cell.text),
  col("divisionCode", "行政区划代码", ["区划代码", "行政区代码", "区划编码"], cell.code, { required: true }),
  col("riskClass", "信用风险分类", ["风险等级", "信用风险等级", "风险分类", "信用风险类别", "信用分类", "风险类别"], riskClass, { required: true }),
  col("registrationDate", "成立日期", ["登记日期", "注册日期", "成立时间", "核准日期"], cell.date),
  col("status", "登记状态", ["经营状态", "存续状态", "企业状态"], cell.operatingStatus),
  col("departmentIds", "监管部门", ["监管单位", "主管部门"], cell.list, { departments: "many" }),
  col("industries", "行业", ["所属行业", "行业类别"], cell.list),
];

export function tableDefs(riskClasses: readonly string[]): Record<TableId, TableDef> {
  const rc = cell.riskClass(riskClasses);
  return {
    "A.1": {
      clause: "Chongqing table A.1; Chongqing 5.1",
      columns: [
        col("id", "事项编码", ["事项编号", "事项标识", "编码"], cell.code),
        col("seq", "序号", ["编号"], cell.int),
        col("field", "抽查领域", ["领域"], cell.text, { required: true }),
        col("name", "抽查事项", ["事项名称", "抽查事项名称", "检查事项"], cell.text, { required: true }),
        col("objectType", "检查对象", ["抽查对象"], cell.text, { required: true }),
        col("initiatingDepartmentId", "发起部门", ["牵头部门", "发起单位"], cell.text, { required: true, departments: "one" }),
        col("cooperatingDepartmentIds", "配合部门", ["配合单位", "参与部门"], cell.list, { departments: "many" }),
        col("category", "事项类别", ["类别", "事项类型"], cell.itemCategory, { required: true }),
        col("subject", "检查主体", [], cell.text),
        col("methods", "检查方式", ["抽查方式"], methods),
        col("basis", "检查依据", ["抽查依据", "依据"], cell.text),
        col("content", "检查内容", [], cell.text),
        col("maxRatio", "比例上限", ["抽查比例上限"], cell.ratio),
        col("requiredExpertise", "业务专长", ["所需专长", "专业要求"], cell.list),
        col("remarks", "备注", [], cell.text),
      ],
    },
    "B.1": {
      clause: "Chongqing table B.1",
      columns: [
        col("name", "行政相对人名称", ["名称", "企业名称", "主体名称", "市场主体名称", "单位名称", "相对人名称"], cell.text, { required: true }),
        col("code", "行政相对人编码", ["统一社会信用代码", "统一社会信用代码/注册号", "统一社会信用代码注册号", "注册号", "信用代码", "社会信用代码", "相对人编码"], cell.code, { required: true }),
        col("codeType", "编码类型", [], cell.codeType),
        col("legalRepresentative", "法定代表人", ["负责人", "法定代表人/负责人", "法定代表人负责人", "法人"], cell.text),
        ...targetCommon(rc),
      ],
    },
    "B.2": {
      clause: "Chongqing table B.2",
      columns: [
        col("id", "场所编号", ["场所编码", "编号"], cell.code),
        col("name", "场地场所", ["场所名称", "场地名称"], cell.text, { required: true }),
        col("region", "所在地区", [], cell.text),
        col("divisionName", "行政区划", [], cell.text),
        col("responsibleUnit", "责任单位", [], cell.text, { required: true }),
        col("responsibleUnitUscc", "责任单位统一社会信用代码", ["责任单位信用代码"], cell.code),
        col("responsiblePerson", "责任人", [], cell.text),
        col("responsiblePersonIdType", "责任人证件类型", [], cell.idType),
        col("responsiblePersonIdNumber", "责任人证件编码", ["责任人证件号码"], cell.code),
        col("usage", "场所用途", [], cell.text),
        col("scale", "场所规模", [], cell.text),
        col("inServiceDate", "投入使用开始时间", ["投入使用时间"], cell.date),
        col("serviceLifeYears", "使用寿命", ["使用寿命年"], years),
        ...targetCommon(rc),
      ],
    },
    "B.3": {
      clause: "Chongqing table B.3",
      columns: [
        col("licenceNumber", "生产许可证编号", ["许可证编号", "生产许可证号"], cell.code, { required: true }),
        col("name", "企业名称", ["名称"], cell.text, { required: true }),
        col("uscc", "统一社会信用代码", ["信用代码"], cell.code, { required: true }),
        col("productName", "产品名称", [], cell.text),
        col("issueDate", "发证日期", [], cell.date),
        col("expiryDate", "有效期至", ["有效期", "有效期截止日期"], cell.date),
        ...targetCommon(rc),
      ],
    },
    "C.1": {
      clause: "Chongqing table C.1; Yanshi 5",
      columns: [
        col("id", "人员编号", ["人员编码", "工号"], cell.code),
        col("seq", "序号", [], cell.int),
        col("name", "姓名", [], cell.text, { required: true }),
        col("phone", "电话", ["联系电话", "手机"], cell.code),
        col("county", "所属区县", ["区县"], cell.text),
        col("departmentId", "所属部门", ["部门"], cell.text, { required: true, departments: "one" }),
        col("unit", "单位", ["所在单位"], cell.text),
        col("unitKind", "单位类型", [], cell.unitKind),
        col("title", "职务", [], cell.text),
        col("certificateNumber", "执法证号", ["执法证编号", "执法证件号"], cell.code),
        col("category", "人员类别", ["人员类型"], cell.inspectorCategory, { required: true }),
        col("expertise", "业务专长", ["专长"], cell.list, { required: true }),
      ],
    },
    "D.1": {
      clause: "Chongqing table D.1; Longting art. 14",
      columns: [
        col("seq", "序号", [], cell.int, { required: true }),
        col("name", "计划名称", ["任务名称"], cell.text, { required: true }),
        col("initiatingDepartmentId", "发起部门", ["牵头部门"], cell.text, { required: true, departments: "one" }),
        col("cooperatingDepartmentIds", "配合部门", ["配合单位"], cell.list, { departments: "many" }),
        col("initiatingItemIds", "抽查事项发起部门", ["发起部门抽查事项", "抽查事项"], cell.list, { required: true }),
        col("cooperatingItemIds", "抽查事项配合部门", ["配合部门抽查事项"], cell.list),
        col("targetDescription", "抽查对象", ["检查对象"], cell.text, { required: true }),
        col("window", "抽查时间", ["检查时间", "时间安排"], dateRange, { required: true }),
        col("ratio", "抽查比例", ["比例"], cell.ratio),
        col("targetCount", "抽取对象数量(户)", ["抽取对象数量", "抽查数量", "抽取数量"], cell.int),
        col("baseCount", "抽查基数", ["基数"], cell.int),
        col("responsibleUnits", "实施主体", ["责任分工", "实施主体/责任分工"], cell.list),
      ],
    },
  };
}

/** The tables {@link importTable} reads. */
export type TableId = "A.1" | "B.1" | "B.2" | "B.3" | "C.1" | "D.1";

const METHOD_MAP: Record<string, string> = {
  实地核查: "on-site", 现场检查: "on-site", 实地检查: "on-site", 书面检查: "documents", 网络监测: "online", 网络检查: "online",
  抽样检测: "sampling-test", 委托专业机构检查: "commissioned", 非现场监管: "remote", 非现场检查: "remote",
};

function methods(raw: string): cell.CellResult {
  const r = cell.list(raw);
  if (!r.ok) return r;
  const out: string[] = [];
  for (const p of r.value as string[]) {
    const m = METHOD_MAP[p];
    if (m === undefined) return { ok: false, zh: `检查方式“${p}”无法识别`, en: `inspection method "${p}" not recognised (accepted: ${Object.keys(METHOD_MAP).join(", ")})` };
    out.push(m);
  }
  return { ok: true, value: out };
}

function years(raw: string): cell.CellResult {
  const m = /^(\d+(?:\.\d+)?)\s*年?$/u.exec(raw);
  return m ? { ok: true, value: Number(m[1]), ...(raw.endsWith("年") ? { note: `${raw} → ${m[1]}` } : {}) } : { ok: false, zh: "使用寿命应为年数", en: "service life must be a number of years" };
}

function dateRange(raw: string): cell.CellResult {
  const parts = raw.split(/\s*(?:至|到|~|～|—|--)\s*/u);
  if (parts.length !== 2) return { ok: false, zh: "抽查时间应写作“开始日期至结束日期”", en: "write the window as 'start至end' (e.g. 2026-04-01至2026-06-30)", rule: "civil-date" };
  const a = cell.date(parts[0] as string);
  const b = cell.date(parts[1] as string);
  if (!a.ok) return a;
  if (!b.ok) return b;
  const notes = [a.note, b.note].filter((n) => n !== undefined);
  return { ok: true, value: { start: a.value, end: b.value }, ...(notes.length > 0 ? { note: notes.join("; ") } : {}) };
}
