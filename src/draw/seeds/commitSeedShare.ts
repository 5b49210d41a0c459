import { hexToBytes, sha256Hex } from "../_shared/_encoding.js";
import { readInput } from "../_light/_parse.js";
import { TextReader } from "../_light/_schemas.js";
import { weak } from "./_seed.js";

/**
 * The commitment a department publishes for its secret share before any share is revealed: SHA-256 of the share's
 * bytes. Each share must hold ≥ 128 bits (hex), so a single honest department makes the seed unpredictable.
 *
 * @param share - The department's secret share, hex of at least 32 digits.
 * @returns The commitment to publish: SHA-256 of the share's bytes, lower-case hex.
 * @throws {@link ShuangsuijiError} `invalid-input` when `share` is not text.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when `share` is not whole bytes of hex or carries under 128 bits.
 * @category Draw
 * @example
 * ```ts
 * import { commitSeedShare } from "shuangsuiji";
 * const commitment = commitSeedShare("00112233445566778899aabbccddeeff");
 * ```
 */
export function commitSeedShare(share: string): string {
  const s = readInput(TextReader, share, "docs/spec-v1.md §5.4").toLowerCase(); // z.string()'s issue, without zod
  if (!/^(?:[0-9a-f]{2})+$/.test(s) || s.length < 32) weak(/^[0-9a-f]*$/.test(s) ? s.length * 4 : 0, "share");
  return sha256Hex(hexToBytes(s));
}
