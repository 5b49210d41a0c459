import { invalid, readOptions, requireBytes } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";

/**
 * The text encodings {@link decodeText} recognises: what Excel and WPS write when saving a table as text on Chinese
 * Windows ("CSV UTF-8", plain "CSV" = the ANSI code page GBK/GB18030, "Unicode text" = UTF-16 LE with a BOM).
 *
 * @category Files
 * @example
 * ```ts
 * import { TEXT_ENCODINGS } from "shuangsuiji";
 * TEXT_ENCODINGS.includes("gb18030"); // true
 * ```
 */
export const TEXT_ENCODINGS = /* @__PURE__ */ deepFreeze(["utf-8", "utf-16le", "utf-16be", "gb18030"] as const);

/**
 * One of {@link TEXT_ENCODINGS}.
 *
 * @category Files
 */
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/**
 * One encoding that {@link decodeText} tried, and why it was rejected (absent when it was accepted).
 *
 * @category Files
 */
export interface DecodeAttempt {
  /** The encoding tried. */
  readonly encoding: TextEncodingName;
  /** Why it was rejected, in English (e.g. `invalid byte sequence`, `control character U+0001 at character 17`). */
  readonly rejected?: string;
}

/**
 * The result of {@link decodeText}.
 *
 * @category Files
 */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  readonly text: string;
  /** The encoding used. */
  readonly encoding: TextEncodingName;
  /** How it was chosen: a byte-order mark, validity of the bytes, or the caller's `encoding` option. */
  readonly detectedBy: "bom" | "validity" | "option";
  /** Every encoding tried, in order, the accepted one last. */
  readonly tried: readonly DecodeAttempt[];
}

/**
 * Options of {@link decodeText}.
 *
 * @category Files
 */
export interface DecodeTextOptions {
  /** Decode with this encoding only (`gbk` and `gb2312` are read as `gb18030`, their superset); no detection. */
  readonly encoding?: TextEncodingName | "gbk" | "gb2312";
}

const ENCODING_OPTIONS = [...TEXT_ENCODINGS, "gbk", "gb2312"] as const;

const BOMS: readonly { readonly encoding: TextEncodingName; readonly bytes: readonly number[] }[] = [
  { encoding: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { encoding: "utf-16le", bytes: [0xff, 0xfe] },
  { encoding: "utf-16be", bytes: [0xfe, 0xff] },
  // GB 18030-2022 §6: U+FEFF is encoded as the four bytes 84 31 95 33.
  { encoding: "gb18030", bytes: [0x84, 0x31, 0x95, 0x33] },
];

/**
 * Decodes the bytes of a text file (a CSV saved by Excel, WPS or a county platform) to a string, detecting its
 * encoding: a byte-order mark first (UTF-8, UTF-16 LE/BE, GB18030); else by validity — bytes containing NULs are read
 * as UTF-16 (LE or BE by where the NULs fall, since table text is mostly ASCII digits and punctuation), otherwise
 * UTF-8 if the bytes are valid UTF-8 (WHATWG Encoding Standard, fatal mode), else GB18030, which covers GBK and
 * GB2312 (GB 18030-2022). A decoding is accepted only when it is valid and holds no control characters other than tab,
 * line feed and carriage return, so a binary file is never taken for text. When both candidates are valid (possible for
 * a few characters only), the one with the larger share of characters typical of Chinese table text (ASCII, CJK
 * ideographs and punctuation, full-width forms) wins, the first on a tie; a guess where that share is under half is
 * refused — pass `encoding` to read such a file.
 *
 * Runs in browsers and in Node (Node's official builds carry the full ICU that `TextDecoder("gb18030")` needs).
 *
 * @param bytes - The file's bytes (`await file.arrayBuffer()` in a browser, `readFile(path)` in Node).
 * @param options - `encoding` to skip detection.
 * @returns The text, the encoding and how it was chosen, and every encoding tried.
 * @throws {@link ShuangsuijiError} `undecodable-text` when no encoding gives clean text; its issue names every
 *   encoding tried and why each failed.
 * @throws {@link ShuangsuijiError} `invalid-input` when `bytes` is not a `Uint8Array` or `ArrayBuffer`, or
 *   `options.encoding` is not a supported encoding.
 * @category Files
 * @example
 * ```ts
 * import { decodeText } from "shuangsuiji";
 * // "企业名称" saved as GBK by Excel on Chinese Windows:
 * const gbk = new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6]);
 * const d = decodeText(gbk);
 * d.text;     // "企业名称"
 * d.encoding; // "gb18030"
 * ```
 */
export function decodeText(bytes: Uint8Array | ArrayBuffer, options: DecodeTextOptions = {}): DecodedText {
  const b = requireBytes(bytes, ["bytes"]);
  const opts = readOptions(options, ["options"], ["encoding"]) as DecodeTextOptions;
  if (opts.encoding !== undefined && !(ENCODING_OPTIONS as readonly unknown[]).includes(opts.encoding)) invalid(["options", "encoding"], `unknown encoding (allowed: ${ENCODING_OPTIONS.join(", ")})`, `未知编码（允许：${ENCODING_OPTIONS.join("、")}）`, opts.encoding);
  const tried: DecodeAttempt[] = [];
  const attempt = (encoding: TextEncodingName, body: Uint8Array, detectedBy: DecodedText["detectedBy"]): DecodedText | undefined => {
    const r = tryDecode(encoding, body);
    if (typeof r === "string") {
      tried.push({ encoding });
      return deepFreeze({ text: r, encoding, detectedBy, tried });
    }
    tried.push({ encoding, rejected: r.reason });
    return undefined;
  };

  if (opts.encoding !== undefined) {
    const encoding: TextEncodingName = opts.encoding === "gbk" || opts.encoding === "gb2312" ? "gb18030" : opts.encoding;
    const bom = BOMS.find((m) => m.encoding === encoding && startsWith(b, m.bytes));
    const found = attempt(encoding, bom === undefined ? b : b.subarray(bom.bytes.length), "option");
    if (found !== undefined) return found;
    return fail(tried, b.length);
  }

  const bom = BOMS.find((m) => startsWith(b, m.bytes));
  if (bom !== undefined) {
    const found = attempt(bom.encoding, b.subarray(bom.bytes.length), "bom");
    if (found !== undefined) return found;
    return fail(tried, b.length);
  }

  // Table text is mostly ASCII, whose UTF-16 code units carry a NUL byte; UTF-8 and GB18030 text never holds one.
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < b.length; i++) if (b[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  const order: TextEncodingName[] =
    evenNul + oddNul === 0 ? ["utf-8", "gb18030"] : oddNul >= evenNul ? ["utf-16le", "utf-16be"] : ["utf-16be", "utf-16le"];
  // Short texts can be valid in both candidates (GBK "一" = D2 BB is also UTF-8 Cyrillic "һ"; UTF-16 "一，" reads
  // either way round): keep the decoding whose characters are more typical of Chinese table text, the first on a tie,
  // and refuse one where such characters are not even half of the text.
  const [first, second] = order as [TextEncodingName, TextEncodingName];
  const a = tryDecode(first, b);
  const c = typeof a === "string" && typicalShare(a) === 1 ? undefined : tryDecode(second, b);
  const share = (r: string | { readonly reason: string } | undefined): number => (typeof r === "string" ? typicalShare(r) : -1);
  const [winner, text, loser, lost] = share(c) > share(a) ? [second, c, first, a] : [first, a, second, c];
  if (typeof text === "string" && typicalShare(text) >= MIN_TYPICAL) {
    if (lost !== undefined) tried.push({ encoding: loser, rejected: typeof lost === "string" ? `valid, but less typical of Chinese text than ${winner}` : lost.reason });
    tried.push({ encoding: winner });
    return deepFreeze({ text, encoding: winner, detectedBy: "validity", tried });
  }
  for (const [encoding, r] of [[first, a], [second, c]] as const) {
    tried.push({ encoding, rejected: r === undefined ? "not tried" : typeof r === "string" ? `valid, but only ${Math.round(typicalShare(r) * 100)}% of its characters are typical of Chinese table text` : r.reason });
  }
  return fail(tried, b.length);
}

/** Below this share of typical characters a decoding is not taken for table text. */
const MIN_TYPICAL = 0.5;

function typicalShare(text: string): number {
  if (text.length === 0) return 1;
  const typical = text.match(/[\u0000-\u007f\u00b7\u00d7\u2010-\u206f\u2460-\u24ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/gu);
  return (typical?.length ?? 0) / text.length;
}

function startsWith(b: Uint8Array, prefix: readonly number[]): boolean {
  return b.length >= prefix.length && prefix.every((x, i) => b[i] === x);
}

function tryDecode(encoding: TextEncodingName, body: Uint8Array): string | { readonly reason: string } {
  let decode: (b: Uint8Array) => string;
  try {
    const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    decode = (x) => decoder.decode(x);
  } catch {
    return { reason: "not supported by this runtime's TextDecoder (Node needs full ICU)" };
  }
  let text: string;
  try {
    text = decode(body);
  } catch {
    return { reason: "invalid byte sequence" };
  }
  // A control character other than TAB, LF, CR (or a NUL) means binary data or a wrong guess, never table text.
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.exec(text);
  if (m !== null) return { reason: `control character U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} at character ${m.index + 1}` };
  return text;
}

function fail(tried: readonly DecodeAttempt[], byteLength: number): never {
  const list = tried.map((t) => `${t.encoding}: ${t.rejected ?? "?"}`).join("; ");
  throw new ShuangsuijiError("undecodable-text", [
    {
      path: [],
      rule: "text-encoding",
      clause: "WHATWG Encoding Standard; GB 18030-2022",
      messageZh: `无法识别文件编码（已尝试 ${tried.map((t) => t.encoding).join("、")}），请另存为“CSV UTF-8”或 .xlsx`,
      messageEn: `cannot decode the file as text (tried ${list}); save it as "CSV UTF-8" or .xlsx`,
      value: `${byteLength} bytes`,
    },
  ]);
}
