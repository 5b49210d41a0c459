import type { SeedProvenance, SeedRecord } from "./SeedRecord.js";
import { finish } from "./_seed.js";

/**
 * Wraps a seed value (≥ 128 bits, hex) with its provenance after checking it. For kinds `dice`, `lottery`, `beacon`
 * and `commit-reveal` the value **must** derive from the provenance by docs/spec-v1.md §5 (else `invalid-input`, rule
 * `seed-derivation`), so a value chosen by trying seeds ("seed grinding") cannot be presented behind a real dice roll;
 * use the `seedFrom…` helpers to derive it. A seed of kind `other` is accepted, and verifiers report it as "provenance
 * not verifiable".
 *
 * @param value - The seed, lower- or upper-case hex of at least 32 digits (128 bits).
 * @param provenance - Where it came from: dice, lottery, beacon, commit–reveal shares, or `other`.
 * @returns The checked, frozen {@link SeedRecord}.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when `value` is not hex of at least 128 bits, or the record does not
 *   have the {@link SeedRecord} shape.
 * @throws {@link ShuangsuijiError} `invalid-input` when the provenance is inconsistent: for `dice`, `lottery`, `beacon`
 *   and `commit-reveal`, `value` does not derive from it (rule `seed-derivation`), or its text is not canonical.
 * @category Draw
 * @example
 * ```ts
 * import { createSeed, seedFromDice } from "shuangsuiji";
 * const seed = createSeed("8f3b2c1d4e5f60718293a4b5c6d7e8f9", { kind: "other", description: "crypto.getRandomValues, 2026-04-01" });
 * const dice = seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
 * createSeed(dice.value, dice.provenance); // accepted: the value derives from the roll
 * ```
 */
export function createSeed(value: string, provenance: SeedProvenance): SeedRecord {
  return finish({ value, provenance });
}
