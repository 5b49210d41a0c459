// The command line's streaming CSV splitter reads what csv-parse (with the options the command line used before) reads,
// record for record, however the text is cut into chunks; and refuses what csv-parse refuses.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { CsvSyntaxError, csvSplitter } from "../../src/cli/_csv.js";

const MAX = 200;

function reference(text: string): string[][] | "error" {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, max_record_size: MAX, relax_column_count: false }) as string[][];
  } catch {
    return "error";
  }
}

function splitInChunks(text: string, cuts: readonly number[]): string[][] | "error" {
  const s = csvSplitter(MAX);
  const out: string[][] = [];
  try {
    let at = 0;
    for (const c of [...new Set(cuts.map((x) => x % (text.length + 1)))].sort((a, b) => a - b)) {
      out.push(...s.push(text.slice(at, c)));
      at = c;
    }
    out.push(...s.push(text.slice(at)));
    out.push(...s.end());
    return out;
  } catch (e) {
    expect(e).toBeInstanceOf(CsvSyntaxError);
    return "error";
  }
}

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z中 ]{0,5}$/) },
  fc.stringMatching(/^[a-z,"\n\r中]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`), // well-quoted
  fc.stringMatching(/^[a-z,"\n\r ]{0,4}$/), // anything, possibly malformed
);
const eol = fc.constantFrom("\n", "\r\n", "\r");

const csvText = fc
  .record({ width: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 0, max: 6 }), eol, bom: fc.boolean(), trailing: fc.boolean(), ragged: fc.boolean(), blank: fc.boolean() })
  .chain(({ width, rows, eol, bom, trailing, ragged, blank }) =>
    fc.array(fc.array(cell, { minLength: ragged ? 1 : width, maxLength: width }), { minLength: rows + 1, maxLength: rows + 1 }).map((grid) => {
      const lines = grid.map((r) => r.join(","));
      if (blank && lines.length > 1) lines.splice(1, 0, "");
      return (bom ? "\uFEFF" : "") + lines.join(eol) + (trailing ? eol : "");
    }),
  );

describe("csvSplitter", () => {
  it("gives csv-parse's records for any cut into chunks, and fails where it fails", () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const want = reference(text);
        const got = splitInChunks(text, cuts);
        if (want === "error") expect(got).toBe("error");
        else if (got !== "error") expect(got).toEqual(want);
        else {
          // csv-parse accepts it; the splitter must too
          expect.fail(`the splitter refused ${JSON.stringify(text)} which csv-parse reads as ${JSON.stringify(want)}`);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it("names the problem and its line", () => {
    const err = (text: string) => {
      try {
        const s = csvSplitter(MAX);
        s.push(text);
        s.end();
      } catch (e) {
        return e as CsvSyntaxError;
      }
      return undefined;
    };
    expect(err('a,b\n1,2\n"x,3\n')).toMatchObject({ code: "CSV_QUOTE_NOT_CLOSED" });
    expect(err("a,b\n1,2\n3\n")).toMatchObject({ code: "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH", lines: 3 });
    expect(err('a,b\n1,x"y\n')).toMatchObject({ code: "INVALID_OPENING_QUOTE", lines: 2 });
    expect(err('a,b\n"1"x,2\n')).toMatchObject({ code: "CSV_INVALID_CLOSING_QUOTE", lines: 2 });
    expect(err(`a,b\n${"x".repeat(MAX + 1)},1\n`)).toMatchObject({ code: "CSV_MAX_RECORD_SIZE" });
    expect(err("a,b\n1,2")).toBeUndefined();
  });
  it("holds no more than one record back when a record is never closed (memory stays bounded)", () => {
    const s = csvSplitter(MAX);
    s.push("a,b\n");
    expect(() => {
      for (let i = 0; i < 100; i++) s.push('"' + "x".repeat(50));
    }).toThrow(CsvSyntaxError);
  });
});
