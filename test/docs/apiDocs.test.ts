// The API-docs check (scripts/check-api-docs.ts, run by `npm run docs`) on a small fixture project: it must list each
// kind of gap, refuse a @throws naming a code the function cannot raise, and pass complete docs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkApiDocs } from "../../scripts/check-api-docs.js";

const root = mkdtempSync(join(tmpdir(), "ssj-apidocs-"));
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};
write("tsconfig.json", JSON.stringify({ compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true, noEmit: true }, include: ["src"] }));
write(
  "src/errors/ShuangsuijiError.ts",
  `export const ERROR_CODES = ["invalid-input", "invalid-date", "seed-too-weak"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export class ShuangsuijiError extends Error {
  constructor(readonly code: ErrorCode) { super(code); }
}
`,
);
write(
  "src/lib.ts",
  `import { ShuangsuijiError, type ErrorCode } from "./errors/ShuangsuijiError.js";
const refuse = (code: ErrorCode): never => { throw new ShuangsuijiError(code); };
function checkDate(d: string): void { if (d === "") throw new ShuangsuijiError("invalid-date"); }

/**
 * Complete.
 * @param a - The value.
 * @param options - The options.
 * @returns The double.
 * @throws {@link ShuangsuijiError} \`invalid-date\` when \`a\` is empty.
 */
export function complete(a: string, options?: { x: number }): string { checkDate(a); return a + a + String(options?.x); }

/**
 * No docs at all.
 */
export function bare(a: number, b: number): number { return a + b; }

/**
 * Wrong names and an invented code.
 * @param x - Not a parameter.
 * @returns Nothing much.
 * @throws {@link ShuangsuijiError} \`seed-too-weak\` when the moon is full.
 */
export function wrong(a: string): string { return refuse("invalid-input"); }

/**
 * A code passed through a helper is reachable.
 * @param a - The value.
 * @returns It.
 * @throws {@link ShuangsuijiError} \`invalid-input\` when \`a\` is empty.
 */
export const viaHelper = (a: string): string => (a === "" ? refuse("invalid-input") : a);

/**
 * Claims never to throw but can.
 * @param a - The value.
 * @throws Never — trust me.
 */
export function claimsNever(a: string): void { checkDate(a); }

/**
 * Really never throws; void needs no @returns.
 * @param a - The value.
 * @throws Never — any value is fine.
 */
export function quiet(a: unknown): void { void a; }

/**
 * A destructured parameter is named by position.
 * @param input - The input.
 * @returns Its sum.
 * @throws Never — numbers only.
 */
export function destructured({ a, b }: { a: number; b: number }): number { return a + b; }
`,
);
write("src/index.ts", `export { complete, bare, wrong, viaHelper, claimsNever, quiet, destructured } from "./lib.js";\n`);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("check-api-docs", () => {
  const result = checkApiDocs(root, ["src/index.ts"]);
  const gapOf = (name: string) => result.gaps.find((g) => g.startsWith(`src/lib.ts: ${name}\n`));
  it("reads every exported function, const arrow functions included", () => {
    expect(result.functions).toBe(7);
  });
  it("passes complete docs, a void result without @returns, a reasoned @throws Never and a destructured parameter", () => {
    for (const name of ["complete", "viaHelper", "quiet", "destructured"]) expect(gapOf(name), name).toBeUndefined();
  });
  it("lists every missing @param, @returns and @throws", () => {
    expect(gapOf("bare")).toContain("no @param a");
    expect(gapOf("bare")).toContain("no @param b");
    expect(gapOf("bare")).toContain("no @returns");
    expect(gapOf("bare")).toContain("no @throws (none reachable");
  });
  it("refuses a @param naming no parameter and a code the function cannot raise", () => {
    expect(gapOf("wrong")).toContain("no @param a");
    expect(gapOf("wrong")).toContain("@param x names no parameter");
    expect(gapOf("wrong")).toContain("@throws `seed-too-weak`, which the code cannot raise (reachable: invalid-input)");
  });
  it("refuses @throws Never on a function that can throw, unless it says where the errors go", () => {
    expect(gapOf("claimsNever")).toContain("@throws Never, but the code can reach invalid-date");
  });
  it("reports the codes a function can reach for review", () => {
    expect(result.review).toContain("src/lib.ts: complete  reach: invalid-date");
    expect(result.review).toContain("src/lib.ts: viaHelper  reach: invalid-input");
  });
});
