// fast-check arbitraries for every model (shared by the tests).
import fc from "fast-check";
import { USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "../src/ids/_uscc.js";
import { formatDayNumber, dayNumber } from "../src/calendar/_days.js";
import { INSPECTION_METHODS } from "../src/model/inspectionItem.js";
import { INSPECTOR_CATEGORIES } from "../src/model/inspector.js";
import { OUTCOME_IDS } from "../src/codes/OUTCOMES.js";
import { OPERATING_STATUSES } from "../src/model/inspectionTarget.js";

const LETTERS = USCC_CHARSET.slice(10).split("");
export const divisionCode = fc.constantFrom("411303", "411302", "110105", "330100", "500101", "650102", "810000");
export const civilDate = fc.integer({ min: dayNumber(2000, 1, 1), max: dayNumber(2030, 12, 31) }).map(formatDayNumber);
export const dateRange = fc.tuple(civilDate, civilDate).map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));
export const text = fc.string({ unit: fc.constantFrom(..."市场监管食品安全检查有限公司abcXYZ123"), minLength: 1, maxLength: 12 }).filter((s) => s === s.trim());
export const id = fc.stringMatching(/^[A-Z]{2,4}-\d{1,4}$/);
export const phone = fc.stringMatching(/^1[3-9]\d{9}$/);
export const ratio = fc.double({ min: 0, max: 1, noNaN: true });

export const uscc = fc
  .tuple(
    fc.constantFrom(["9", "1"], ["9", "2"], ["9", "3"], ["1", "2"], ["5", "1"], ["Y", "1"]),
    divisionCode,
    fc.array(fc.oneof(fc.constantFrom(..."0123456789".split("")), fc.constantFrom(...LETTERS)), { minLength: 8, maxLength: 8 }),
  )
  .map(([[a, c], div, body]) => {
    const entity = body.join("") + organisationCodeCheck(body.join(""));
    const first17 = a + c + div + entity;
    return first17 + usccCheckCharacter(first17);
  });

const common = {
  riskClass: fc.constantFrom("A", "B", "C", "D"),
  divisionCode,
  county: text,
  address: text,
  phone,
  nature: text,
  registrationDate: civilDate,
  status: fc.constantFrom(...OPERATING_STATUSES),
  departmentIds: fc.array(id, { maxLength: 3 }),
  industries: fc.array(text, { maxLength: 2 }),
};
const commonRequired = ["riskClass", "divisionCode"] as const;

export const organisationTarget = uscc.chain((code) =>
  fc.record(
    { kind: fc.constant("organisation" as const), id: fc.constant(code), code: fc.constant(code), codeType: fc.constant("uscc" as const), name: text, legalRepresentative: text, ...common },
    { requiredKeys: ["kind", "id", "code", "codeType", "name", ...commonRequired] },
  ),
);
export const siteTarget = fc.record(
  {
    kind: fc.constant("site" as const), id, name: text, region: text, divisionName: text, responsibleUnit: text, responsibleUnitUscc: uscc,
    responsiblePerson: text, usage: text, scale: text, inServiceDate: civilDate, serviceLifeYears: fc.integer({ min: 1, max: 80 }), ...common,
  },
  { requiredKeys: ["kind", "id", "name", "responsibleUnit", ...commonRequired] },
);
export const productTarget = fc
  .record(
    { kind: fc.constant("product" as const), id, name: text, licenceNumber: text, uscc, productName: text, issueDate: civilDate, ...common },
    { requiredKeys: ["kind", "id", "name", "licenceNumber", "uscc", ...commonRequired] },
  )
  .map((t) => ("issueDate" in t ? { ...t, expiryDate: formatDayNumber(dayNumber(2031, 1, 1)) } : t));
export const projectTarget = fc.record(
  { kind: fc.constant("project" as const), id, name: text, description: text, responsibleUnit: text, uscc, ...common },
  { requiredKeys: ["kind", "id", "name", ...commonRequired] },
);
export const inspectionTarget = fc.oneof(organisationTarget, siteTarget, productTarget, projectTarget);

export const department = fc.record(
  { id, name: text, level: fc.constantFrom("province", "city", "county", "township"), divisionCode, parentId: id, competentFields: fc.array(text, { maxLength: 3 }) },
  { requiredKeys: ["id", "name"] },
);

export const inspectionItem = fc
  .record(
    {
      id, seq: fc.integer({ min: 1, max: 999 }), field: text, name: text, objectType: text, initiatingDepartmentId: fc.constant("INIT-1"),
      cooperatingDepartmentIds: fc.array(fc.constantFrom("CO-1", "CO-2", "CO-3"), { maxLength: 3 }).map((xs) => [...new Set(xs)]),
      category: fc.constantFrom("key" as const, "general" as const), subject: text, methods: fc.array(fc.constantFrom(...INSPECTION_METHODS), { minLength: 1, maxLength: 3 }),
      basis: text, content: text, maxRatio: ratio, requiredExpertise: fc.array(text, { maxLength: 3 }), remarks: fc.string(),
    },
    { requiredKeys: ["id", "field", "name", "objectType", "initiatingDepartmentId", "cooperatingDepartmentIds", "category"] },
  )
  .map((i) => {
    if (i.category !== "key") return i;
    const { maxRatio: _drop, ...rest } = i;
    return rest;
  });

export const inspector = fc.record(
  {
    id, seq: fc.integer({ min: 1, max: 999 }), name: text, phone, county: text, departmentId: id, unit: text, unitKind: fc.constantFrom("bureau" as const, "station" as const),
    title: text, certificateNumber: text, category: fc.constantFrom(...INSPECTOR_CATEGORIES), expertise: fc.array(text, { maxLength: 4 }),
  },
  { requiredKeys: ["id", "name", "departmentId", "category", "expertise"] },
);

export const annualPlanRow = fc
  .record(
    {
      seq: fc.integer({ min: 1, max: 999 }), name: text, initiatingDepartmentId: id, cooperatingDepartmentIds: fc.constant([] as string[]),
      initiatingItemIds: fc.array(id, { minLength: 1, maxLength: 3 }), cooperatingItemIds: fc.array(id, { maxLength: 3 }), targetDescription: text,
      window: dateRange, ratio, targetCount: fc.integer({ min: 0, max: 10_000 }), baseCount: fc.integer({ min: 0, max: 100_000 }), responsibleUnits: fc.array(text, { maxLength: 2 }),
    },
    { requiredKeys: ["seq", "name", "initiatingDepartmentId", "cooperatingDepartmentIds", "initiatingItemIds", "cooperatingItemIds", "targetDescription", "window", "ratio"] },
  );
export const annualPlan = fc.record(
  {
    id, year: fc.integer({ min: 2000, max: 2100 }), name: text, jurisdiction: text, publishedOn: civilDate,
    rows: fc.uniqueArray(annualPlanRow, { minLength: 1, maxLength: 4, selector: (r) => r.seq }),
  },
  { requiredKeys: ["id", "year", "name", "rows"] },
);

export const spotCheckTask = fc.record(
  {
    id, planId: id, planRowSeq: fc.integer({ min: 1, max: 99 }), name: text, initiatingDepartmentId: fc.constant("INIT-1"),
    cooperatingDepartmentIds: fc.constant(["CO-1"]), scope: fc.record({ description: text, divisionCodes: fc.array(divisionCode, { maxLength: 2 }) }, { requiredKeys: ["description"] }),
    ratio, window: dateRange, itemIds: fc.array(id, { minLength: 1, maxLength: 3 }), adHoc: fc.boolean(),
  },
  { requiredKeys: ["id", "name", "initiatingDepartmentId", "cooperatingDepartmentIds", "scope", "ratio", "window", "itemIds"] },
);

export const inspectionScheme = fc.record(
  { id, taskId: id, window: dateRange, targetDescription: text, itemIds: fc.array(id, { minLength: 1, maxLength: 3 }), content: text, procedure: text, resultHandling: text, responsibilities: fc.array(text, { maxLength: 2 }) },
  { requiredKeys: ["id", "taskId", "window", "targetDescription", "itemIds", "procedure", "resultHandling"] },
);

export const jointTeam = fc
  .tuple(fc.uniqueArray(id, { minLength: 2, maxLength: 6 }), id, fc.array(id, { minLength: 1, maxLength: 3 }))
  .map(([ids, taskId, targetIds]) => ({
    taskId, targetIds, initiatingDepartmentId: "INIT-1", leaderId: ids[0]!,
    members: ids.map((inspectorId, k) => ({ inspectorId, departmentId: k % 2 === 0 ? "INIT-1" : "CO-1" })),
  }));

export const inspectionRecord = fc.record(
  {
    id, taskId: id, inspectedOn: civilDate,
    inspectors: fc.array(fc.record({ inspectorId: id, name: text, unit: text, certificateNumber: text, phone }, { requiredKeys: ["inspectorId", "name", "unit"] }), { minLength: 1, maxLength: 4 }),
    target: fc.record({ targetId: id, name: text, code: uscc, legalRepresentative: text, idNumber: text, phone, address: text, county: text }, { requiredKeys: ["targetId", "name"] }),
    departments: fc.uniqueArray(
      fc.record({ departmentId: id, items: fc.array(fc.record({ itemId: id, itemName: text, outcomes: fc.uniqueArray(fc.constantFrom(...OUTCOME_IDS), { minLength: 1, maxLength: 3 }), notes: fc.string() }, { requiredKeys: ["itemName", "outcomes"] }), { minLength: 1, maxLength: 3 }) }),
      { minLength: 1, maxLength: 3, selector: (d) => d.departmentId },
    ),
    handlingOpinion: fc.string(), remarks: fc.string(),
    targetConfirmation: fc.oneof(
      fc.record({ kind: fc.constant("signed" as const), signedOn: civilDate, signatory: text }, { requiredKeys: ["kind", "signedOn"] }),
      fc.record({ kind: fc.constant("refused" as const), recordedBy: fc.array(id, { minLength: 1, maxLength: 2 }), evidence: fc.array(text, { minLength: 1, maxLength: 2 }), statement: text }),
      fc.record({ kind: fc.constant("direct-result" as const), reason: fc.constantFrom("unreachable" as const, "seriously-non-cooperative" as const), evidence: fc.array(text, { minLength: 1, maxLength: 2 }) }),
    ),
    inspectorSignatures: fc.array(fc.record({ inspectorId: id, signedOn: civilDate }), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: ["id", "taskId", "inspectedOn", "inspectors", "target", "departments", "targetConfirmation", "inspectorSignatures"] },
);
