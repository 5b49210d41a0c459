// The zod peer range is ^3.25.76 || ^4.1: on zod 3.25 the root "zod" is zod 3 (no z.int, other APIs), so the library
// imports only the v4 subpaths that both majors ship. A root import merged later broke zod 3.25 at load time once.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));

describe("zod imports", () => {
  it("src imports zod only as zod/v4 or zod/v4/mini", () => {
    const root = new URL("../../src", import.meta.url).pathname;
    const bad = files(root).filter((f) => /from\s+["']zod(?:\/(?!v4(?:\/mini)?["'])[^"']*)?["']/.test(readFileSync(f, "utf8")));
    expect(bad).toEqual([]);
  });
});
