import type { SeedRecord } from "./SeedRecord.js";
import { readInput } from "../_light/_parse.js";
import { BeaconReader } from "../_light/_schemas.js";
import { seedOf, weak } from "./_seed.js";

/**
 * Derives a seed from a public randomness beacon value (e.g. a drand round) published after the pool commitment. The
 * value must be hex with ≥ 128 bits.
 *
 * @param beacon - The beacon's `source` (e.g. a drand chain), `round` and published `value` (hex).
 * @returns The seed record, provenance `beacon`.
 * @throws {@link ShuangsuijiError} `invalid-input` when a field is missing or not text.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when `value` is not hex or carries under 128 bits.
 * @category Draw
 * @example
 * ```ts
 * import { seedFromBeacon } from "shuangsuiji";
 * const seed = seedFromBeacon({ source: "drand quicknet", round: "12345678", value: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90" });
 * ```
 */
export function seedFromBeacon(beacon: { readonly source: string; readonly round: string; readonly value: string }): SeedRecord {
  readInput(BeaconReader, beacon, "docs/spec-v1.md §5.3"); // z.object({ source, round, value: z.string() })'s issues, without zod
  const value = beacon.value.toLowerCase();
  const bits = /^[0-9a-f]+$/.test(value) ? value.length * 4 : 0;
  if (bits < 128) weak(bits, "value");
  return seedOf(["beacon", beacon.source, beacon.round, value], { kind: "beacon", source: beacon.source, round: beacon.round, value });
}
