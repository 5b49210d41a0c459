import { describe, expect, it } from "vitest";
import { LIFECYCLE_PRESETS, LifecyclePresetSchema } from "../../src/index.js";

// A custom preset's clause texts are kept as given: surrounding white space is refused (text-trimmed), as every other
// text and the shipped JSON Schema's pattern say — it was trimmed silently, so a clause the schema refused loaded.
describe("preset clause texts are refused, not trimmed, when they carry surrounding white space", () => {
  it("refuses ' Longting art. 19 ' and an empty clause; accepts the named presets as they are", () => {
    const base = LIFECYCLE_PRESETS.longting;
    for (const bad of [" Longting art. 19", "Longting art. 19\n", "\u3000Longting art. 19", ""]) {
      const r = LifecyclePresetSchema.safeParse({ ...base, lockedListChange: { ...base.lockedListChange, clause: bad } });
      expect(r.success, JSON.stringify(bad)).toBe(false);
    }
    for (const p of Object.values(LIFECYCLE_PRESETS)) expect(LifecyclePresetSchema.safeParse(p).success).toBe(true);
  });
});
