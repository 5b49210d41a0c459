// Just enough of the ZIP format (APPNOTE 6.3.x §4.3) to look inside an .xlsx package before it is read: the central
// directory (each part's name and its declared sizes, for the inflated-size limit) and one small part inflated (the
// workbook's sheet list, for the sheets' visibility). Runs in browsers and Node (DecompressionStream "deflate-raw").

/** One part of a ZIP package, as its central directory declares it. @internal */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** The declared uncompressed size. */
  readonly size: number;
  /** Offset of the part's local header. */
  readonly offset: number;
}

const u16 = (b: Uint8Array, i: number): number => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/**
 * The parts listed in the central directory, or a reason why it cannot be read (no end-of-central-directory record, a
 * directory outside the file, a ZIP64 package: an .xlsx county staff have is far below 4 GiB).
 * @internal
 */
export function zipEntries(b: Uint8Array): readonly ZipEntry[] | string {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "no end of central directory (a truncated or damaged file)";
  const count = u16(b, eocd + 10);
  const size = u32(b, eocd + 12);
  const start = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) return "a ZIP64 package";
  if (start + size > eocd) return "the central directory lies outside the file";
  const names = new TextDecoder("utf-8");
  const out: ZipEntry[] = [];
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) return `central directory entry ${k + 1} is damaged`;
    const nameLength = u16(b, p + 28);
    const entry: ZipEntry = {
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      name: names.decode(b.subarray(p + 46, p + 46 + nameLength)),
      offset: u32(b, p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff) return "a ZIP64 package";
    out.push(entry);
    p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
  }
  return out;
}

/**
 * A part's bytes, inflated, at most `maxBytes` of them (more is refused: the part is not what its size says). Throws
 * an Error with an English reason on any damage.
 * @internal
 */
export async function inflateEntry(b: Uint8Array, e: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const total = await inflateChunks(b, e, maxBytes, (chunk) => parts.push(chunk));
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Inflates a part chunk by chunk, handing each chunk to `onChunk` (nothing is kept here), and returns the inflated
 * size; more than `maxBytes` is refused as soon as it is passed (an Error naming the part: its declared size lies, or
 * it is larger than the caller allows). Throws an Error with an English reason on any damage.
 * @internal
 */
export async function inflateChunks(b: Uint8Array, e: ZipEntry, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<number> {
  if (e.offset + 30 > b.length || u32(b, e.offset) !== 0x04034b50) throw new Error(`the local header of ${e.name} is damaged`);
  const from = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  const data = b.subarray(from, from + e.compressedSize);
  if (data.length !== e.compressedSize) throw new Error(`${e.name} is cut off`);
  if (e.method === 0) {
    if (data.length > maxBytes) throw new Error(`${e.name} is larger than ${maxBytes} bytes`);
    onChunk(data);
    return data.length;
  }
  if (e.method !== 8) throw new Error(`${e.name} uses compression method ${e.method}`);
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`${e.name} inflates to more than ${maxBytes} bytes`);
    }
    onChunk(value);
  }
  return total;
}

/** A sheet as the workbook lists it (ECMA-376 Part 1 §18.2.19 `sheet`), in workbook order. @internal */
export interface WorkbookSheet {
  readonly name: string;
  /** The relationship id (`r:id`) naming the sheet's part in the workbook's relationships. */
  readonly rid: string | undefined;
  /** `visible` (the default), `hidden` (Format › Unhide lists it) or `veryHidden` (only the VBA editor shows it). */
  readonly state: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML attribute text: entities and character references, then SpreadsheetML's `_xHHHH_` escapes. */
function attributeText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
      e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? m)
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The `<sheet>` elements of a workbook part (xl/workbook.xml), in order. @internal */
export function workbookSheets(xml: string): WorkbookSheet[] {
  const out: WorkbookSheet[] = [];
  for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b([^>]*)>/g)) {
    const attrs = new Map<string, string>();
    for (const a of (m[1] ?? "").matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(a[1] as string, attributeText(a[2] ?? a[3] ?? ""));
    const name = attrs.get("name");
    const rid = [...attrs].find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1];
    if (name !== undefined) out.push({ name, rid, state: attrs.get("state") ?? "visible" });
  }
  return out;
}

/** Where the package's main part (the workbook) is: `_rels/.rels`'s officeDocument relationship, else xl/workbook.xml. @internal */
export function workbookPath(rels: string | undefined): string {
  if (rels !== undefined) {
    for (const m of rels.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*)>/g)) {
      const attrs = m[1] ?? "";
      if (/Type\s*=\s*["'][^"']*\/officeDocument["']/.test(attrs)) {
        const t = /Target\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
        if (t !== undefined) return attributeText(t).replace(/^\//, "");
      }
    }
  }
  return "xl/workbook.xml";
}

/** The relationships part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). @internal */
export function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The targets of a relationships part by id, resolved against the part they belong to (OPC, ECMA-376 Part 2 §9.3:
 * relative to the source part's folder, or absolute from the package root). @internal
 */
export function relationshipTargets(rels: string | undefined, part: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (rels === undefined) return out;
  const base = part.slice(0, part.lastIndexOf("/") + 1).split("/").filter((x) => x !== "");
  for (const m of rels.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*)>/g)) {
    const attrs = m[1] ?? "";
    const id = /\bId\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1];
    if (id === undefined || target === undefined) continue;
    const t = attributeText(target);
    const segments = t.startsWith("/") ? [] : [...base];
    for (const seg of t.split("/")) {
      if (seg === "" || seg === ".") continue;
      if (seg === "..") segments.pop();
      else segments.push(seg);
    }
    out.set(attributeText(id), segments.join("/"));
  }
  return out;
}
