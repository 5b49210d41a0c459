// The CSV pool reader cuts the file into READ_CHUNK_BYTES reads (kept small so that each chunk's Buffer and text are
// ordinary young objects, not large-object-space garbage): records, multi-byte characters, quoted cells and line
// breaks that straddle those cuts must come out exactly as written, and row numbers stay those of the whole file.
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { READ_CHUNK_BYTES, readPool } from "../../src/cli/_pool.js";
import { FileError } from "../../src/cli/_errors.js";
import { USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "../../src/ids/_uscc.js";

const dir = mkdtempSync(join(tmpdir(), "ssj-chunks-"));
const HEADER = "行政相对人名称,统一社会信用代码,行政区划代码,信用风险分类";

/** A distinct valid USCC for i (as scripts/bench-cli.ts makes them). */
function uscc(i: number): string {
  let body = "";
  for (let x = i, k = 0; k < 8; k++, x = Math.floor(x / 31)) body = (USCC_CHARSET[x % 31] as string) + body;
  const first17 = `91411303${body}${organisationCodeCheck(body) ?? "0"}`;
  return first17 + (usccCheckCharacter(first17) ?? "0");
}

/** Rows of uneven byte lengths (names of 1–40 CJK characters, some quoted with a comma inside), so cuts land everywhere. */
function rows(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const name = `${"甲乙丙丁戊己庚辛壬癸".repeat(4).slice(0, 1 + ((i * 7) % 40))}有限公司${i}`;
    const quoted = i % 5 === 0;
    return { id: uscc(i), name: quoted ? `${name}，分公司, 第${i}号` : name, riskClass: "ABCD"[i % 4] as string, quoted };
  });
}

const csvText = (rs: ReturnType<typeof rows>, eol: string) =>
  [HEADER, ...rs.map((r) => `${r.quoted ? `"${r.name}"` : r.name},${r.id},411303,${r.riskClass}`)].join(eol) + eol;

describe("CSV pool read in small chunks", () => {
  it("reads far less than V8's largest regular heap object (128 KiB) at a time", () => {
    // a larger read puts every chunk's text in the large-object space (freed only by a full GC): see READ_CHUNK_BYTES
    expect(READ_CHUNK_BYTES).toBeLessThanOrEqual(64 * 1024);
  });

  for (const [label, eol, encode] of [
    ["UTF-8, LF", "\n", (t: string) => Buffer.from(`\uFEFF${t}`, "utf8")],
    ["UTF-8, CRLF", "\r\n", (t: string) => Buffer.from(t, "utf8")],
    ["UTF-16LE, CRLF", "\r\n", (t: string) => Buffer.from(`\uFEFF${t}`, "utf16le")],
  ] as const) {
    it(`gives every unit of a file many chunks long, as written (${label})`, async () => {
      const rs = rows(9000);
      const bytes = encode(csvText(rs, eol));
      expect(bytes.length).toBeGreaterThan(8 * READ_CHUNK_BYTES);
      const file = join(dir, `pool-${label.replace(/\W+/g, "-")}.csv`);
      writeFileSync(file, bytes);
      const { units, report } = await readPool(file, "B.1", { progress: false });
      expect(report.rows).toBe(rs.length);
      expect(units.map((u) => [u.id, u.name, u.riskClass])).toEqual(rs.map((r) => [r.id, r.name, r.riskClass]));
    });
  }

  it("reports a bad row far past the first chunk by its row number in the whole file", async () => {
    const rs = rows(6000);
    const bad = 5123;
    const lines = csvText(rs, "\n").split("\n");
    lines[bad] = lines[bad]!.replace(/,[A-D]$/, ",Z"); // line index = data row bad - 1 → spreadsheet row bad + 1
    const file = join(dir, "pool-bad.csv");
    writeFileSync(file, lines.join("\n"));
    const e = await readPool(file, "B.1", { progress: false }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(FileError);
    const text = (e as FileError).details.join("\n");
    expect(text).toContain(`第${bad + 1}行 row ${bad + 1}`);
    expect(text).not.toContain(`row ${bad}:`);
  });
});
