import type { SeedProvenance, SeedRecord } from "./SeedRecord.js";
import { finish } from "./_seed.js";

/**
 * Wraps an existing seed value (≥ 128 bits, hex) with its provenance after checking it. Use the `seedFrom…` helpers to
 * derive a seed from public entropy instead where possible.
 *
 * @category Draw
 * @example
 * ```ts
 * import { createSeed } from "shuangsuiji";
 * const seed = createSeed("8f3b2c1d4e5f60718293a4b5c6d7e8f9", { kind: "other", description: "crypto.getRandomValues, 2026-04-01" });
 * ```
 */
export function createSeed(value: string, provenance: SeedProvenance): SeedRecord {
  return finish({ value, provenance });
}
