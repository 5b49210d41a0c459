import * as z from "zod/v4";
import { readPlain } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { DepartmentSchema, type Department } from "../model/department.js";
import { InspectionItemSchema, type InspectionItem } from "../model/inspectionItem.js";
import { AnnualPlanSchema, type AnnualPlan } from "../model/annualPlan.js";
import { CivilDateSchema } from "../model/primitives.js";
import type { ItemList } from "./ItemList.js";

// Boundary validation shared by the planning functions: hostile input becomes `invalid-input` naming the field, never a
// foreign TypeError; the parsed values are fresh copies (the caller's objects are never kept or frozen).

const MAX = 100_000;

/** Parses `value` with `schema`, or throws `invalid-input` with every issue under `path`. */
export function parseWith<S extends z.core.$ZodType>(schema: S, value: unknown, clause: string, path: (string | number)[]): z.output<S> {
  // read first (a Proxy, getter, BigInt, hole or absurd nesting is refused by path, before zod walks it)
  const r = z.safeParse(schema, readPlain(value, path));
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause, prefix: path }, value), { cause: r.error });
  return r.data;
}

export const parseDepartments = (v: unknown, path: (string | number)[] = ["departments"]): Department[] => parseWith(z.array(DepartmentSchema).max(MAX), v, "Longting art. 10", path);
export const parseItems = (v: unknown, path: (string | number)[] = ["items"]): InspectionItem[] => parseWith(z.array(InspectionItemSchema).max(MAX), v, "Chongqing A.1", path);
export const parsePlan = (v: unknown, path: (string | number)[] = ["plan"]): AnnualPlan => parseWith(AnnualPlanSchema, v, "Chongqing D.1", path);

/** The record of a public change (Longting art. 8, 16: 调整…并将调整情况公开). */
export const parseChangeMeta = (v: unknown, clause: string): { on: string; reason: string; publicNotice: string } =>
  parseWith(z.object({ on: CivilDateSchema, reason: z.string().max(10_000), publicNotice: z.string().max(10_000) }), v, clause, ["meta"]) as { on: string; reason: string; publicNotice: string };

const ChangeSchema = z.object({ version: z.int().positive(), on: CivilDateSchema, reason: z.string(), publicNotice: z.string(), added: z.array(z.string()), removed: z.array(z.string()), updated: z.array(z.string()) });
const ItemListSchema = z.object({ owner: z.string(), version: z.int().positive().max(Number.MAX_SAFE_INTEGER - 1), items: z.array(InspectionItemSchema).max(MAX), history: z.array(ChangeSchema).max(MAX) });

/** An item list (buildItemList's `list`), read into a fresh copy and checked by shape. */
export const parseItemList = (v: unknown, path: (string | number)[] = ["list"]): ItemList => parseWith(ItemListSchema, v, "Longting art. 8", path) as ItemList;
