import * as crypto from "node:crypto";
import type { TextDigest } from "../task/_digest.js";

// node:crypto's SHA-256 (OpenSSL, with the CPU's SHA extensions where it has them) for the Node-only entry: about ten
// times the library's JavaScript kernel on event-sized texts (docs/benchmarks.md). The same bytes are hashed — the
// text's UTF-8, a lone surrogate as U+FFFD as TextEncoder writes it (JSON.stringify never leaves one) — and the same
// hex comes out: differential-tested against the kernel (test/node/nativeDigest.test.ts). `crypto.hash` (Node ≥ 20.12,
// one call, no Hash object) when there is one, `createHash` otherwise (Node 18).
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

/** SHA-256 (hex) of the UTF-8 bytes of a text, by node:crypto. @internal */
export const nativeTextDigest: TextDigest = typeof oneShot === "function"
  ? (text) => oneShot("sha256", text, "hex")
  : (text) => crypto.createHash("sha256").update(text, "utf8").digest("hex");
