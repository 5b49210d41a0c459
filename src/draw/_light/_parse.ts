// The light readers at a public boundary (./_read.ts): `invalid-input` naming every bad field, as parseInput
// (src/draw/_shared/_issues.ts) reports a zod schema's issues. @internal
import type * as z from "zod/v4";
import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../../errors/_fromZod.js";
import { read, type LightIssue, type Reader } from "./_read.js";

/** The readers' issues are zod's issues, field for field (test/draw/lightRead.test.ts): typed as such for issuesFromZod. */
export const asZodIssues = (issues: readonly LightIssue[]): z.core.$ZodIssue[] => issues as unknown as z.core.$ZodIssue[];

/** The parsed value, or `invalid-input` naming every bad field (the clause cited on structural issues). */
export function readInput<T>(reader: Reader<T>, value: unknown, clause: string): T {
  const r = read(reader, value);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(asZodIssues(r.issues), { clause }, value));
  return r.data;
}
