import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_issue.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { lengthDelimited, sha256Hex } from "./_encoding.js";
import { SeedRecordSchema, type SeedProvenance, type SeedRecord } from "./SeedRecord.js";

export const SEED_TAG = "shuangsuiji/seed/v1";

export function seedOf(fields: readonly string[], provenance: SeedProvenance): SeedRecord {
  return finish({ value: sha256Hex(lengthDelimited([SEED_TAG, ...fields])), provenance });
}

export function finish(seed: SeedRecord): SeedRecord {
  const r = SeedRecordSchema.safeParse(seed);
  if (!r.success) throw new ShuangsuijiError("seed-too-weak", issuesFromZod(r.error.issues, { clause: "shuangsuiji seed discipline" }, seed), { cause: r.error });
  return deepFreeze(r.data);
}

export function weak(bits: number, path: string): never {
  throw new ShuangsuijiError("seed-too-weak", [
    ruleIssue("seed-entropy", [path], { detailZh: `仅约${Math.floor(bits)}位`, detailEn: `about ${Math.floor(bits)} bits given` }),
  ]);
}
