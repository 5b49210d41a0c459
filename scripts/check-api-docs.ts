/**
 * Checks that every public function documents its parameters, its result and the errors it throws, so the API reference
 * (typedoc) can be worked from. Run by `npm run docs`; fails listing each gap.
 *
 * "Public function": every function exported by a package entry (src/index.ts, src/calendar/index.ts,
 * src/stats/index.ts, src/node/index.ts, src/duckdb/index.ts, src/postgres/index.ts) — a `function` declaration or a
 * `const` whose value is a function. For each one (all overloads together):
 * - a `@param` for every parameter, by name (a destructured parameter: a `@param` at its position, any name);
 * - a `@returns`, unless the result is `void` / `Promise<void>` / `never`;
 * - at least one `@throws`, written in one of two forms (both are plain TSDoc `@throws` block tags, which typedoc
 *   renders under "Throws"):
 *     `@throws {@link ShuangsuijiError} \`invalid-input\` when …` — names one or more codes of ERROR_CODES, in
 *       backticks, and says when (at least a few words besides the codes);
 *     `@throws Never — …` — the function never throws (say why, e.g. "any value gives `false`").
 *
 * The codes are also checked against the code (so a `@throws` cannot name an error the function cannot raise): the
 * script follows every reference from the function to other functions in src/ and collects the codes of every
 * `new ShuangsuijiError("code", …)` it can reach (a helper that takes the code as an argument contributes the code
 * literals its callers pass). That set is an over-approximation (a `catch` that turns errors into a result is not
 * modelled), so:
 * - a code named in `@throws` but not reachable is an error (an invented code);
 * - `@throws Never` on a function that reaches codes is an error unless the tag says why, with the word "caught"
 *   (e.g. "Never — a malformed record is caught and reported in the result") or "unreachable" (e.g. "the helper's
 *   length limit is unreachable on 18 characters") — the reader is told where they went;
 * - a reachable code not named is listed with `--infer` (the review list used to write these docs), not an error.
 *
 *   npx tsx scripts/check-api-docs.ts [--infer]
 */
import ts from "typescript";
import { join, relative } from "node:path";

/** The result of {@link checkApiDocs}. */
export interface ApiDocsCheck {
  /** Public functions checked. */
  readonly functions: number;
  /** One entry per function with a gap: "file: name" and its problems. */
  readonly gaps: readonly string[];
  /** Per function, the error codes its code can reach (and those its @throws do not name). */
  readonly review: readonly string[];
  /** `@throws` tags naming codes. */
  readonly documentedThrows: number;
}

/** Checks the public functions of `entries` (paths relative to `root`, which holds tsconfig.json and src/). */
export function checkApiDocs(root: string, entries: readonly string[]): ApiDocsCheck {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (config === undefined) throw new Error("cannot read tsconfig.json");
  const program = ts.createProgram({ rootNames: entries.map((e) => join(root, e)), options: config.options });
  const checker = program.getTypeChecker();
  const srcDir = join(root, "src") + "/";
  const inSrc = (sf: ts.SourceFile) => sf.fileName.startsWith(srcDir);

  // ERROR_CODES, read from the source so the check follows the list.
  const errorsFile = program.getSourceFile(join(root, "src/errors/ShuangsuijiError.ts"));
  const ERROR_CODES = new Set<string>(/ERROR_CODES = [^[]*\[([\s\S]*?)\]/.exec(errorsFile?.text ?? "")?.[1]?.match(/"[a-z-]+"/g)?.map((s) => s.slice(1, -1)) ?? []);
  if (ERROR_CODES.size === 0) throw new Error("cannot read ERROR_CODES from src/errors/ShuangsuijiError.ts");

  // ---- reachable error codes -------------------------------------------------------------------------------------
  /** A graph node: one top-level statement of a src/ file that declares something (function, const, class). */
  type Node = ts.Statement;
  const topOf = (n: ts.Node): Node | undefined => {
    let cur: ts.Node = n;
    while (cur.parent !== undefined && !ts.isSourceFile(cur.parent)) cur = cur.parent;
    return cur.parent !== undefined && ts.isSourceFile(cur.parent) ? (cur as Node) : undefined;
  };
  const literalCodes = (e: ts.Node): string[] => {
    const found: string[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isStringLiteralLike(n) && ERROR_CODES.has(n.text)) found.push(n.text);
      // only the code expression itself: string literals inside nested calls are not codes of this throw
      if (!ts.isCallExpression(n)) ts.forEachChild(n, visit);
    };
    visit(e);
    return found;
  };
  interface Facts {
    codes: Set<string>;
    refs: Set<Node>;
    /** This node throws a code it receives as a parameter. */
    forwards: boolean;
    /** Codes passed as literals to calls of each referenced node (used when that node forwards). */
    passed: Map<Node, Set<string>>;
  }
  const facts = new Map<Node, Facts>();
  const resolve = (s: ts.Symbol | undefined): ts.Symbol | undefined => (s !== undefined && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  function factsOf(node: Node): Facts {
    const known = facts.get(node);
    if (known !== undefined) return known;
    const f: Facts = { codes: new Set(), refs: new Set(), forwards: false, passed: new Map() };
    facts.set(node, f);
    const visit = (n: ts.Node) => {
      if (ts.isNewExpression(n) && n.expression.getText() === "ShuangsuijiError" && n.arguments?.[0] !== undefined) {
        const arg = n.arguments[0];
        const lits = literalCodes(arg);
        lits.forEach((c) => f.codes.add(c));
        if (lits.length === 0 && ts.isIdentifier(arg)) {
          const decl = resolve(checker.getSymbolAtLocation(arg))?.valueDeclaration;
          if (decl !== undefined && ts.isParameter(decl)) f.forwards = true;
        }
      }
      if (ts.isIdentifier(n) && !ts.isTypeNode(n.parent) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
        for (const d of resolve(checker.getSymbolAtLocation(n))?.declarations ?? []) {
          const sf = d.getSourceFile();
          if (!inSrc(sf) || sf.isDeclarationFile) continue;
          if (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isTypeParameterDeclaration(d)) continue;
          const top = topOf(d);
          if (top === undefined || top === node || ts.isImportDeclaration(top) || ts.isExportDeclaration(top)) continue;
          f.refs.add(top);
          if (ts.isCallExpression(n.parent) && n.parent.expression === n) {
            const set = f.passed.get(top) ?? new Set<string>();
            n.parent.arguments.forEach((a) => literalCodes(a).forEach((c) => set.add(c)));
            f.passed.set(top, set);
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return f;
  }
  const reachCache = new Map<Node, Set<string>>();
  function reachable(start: Node): Set<string> {
    const cached = reachCache.get(start);
    if (cached !== undefined) return cached;
    const codes = new Set<string>();
    const seen = new Set<Node>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const f = factsOf(queue.pop() as Node);
      f.codes.forEach((c) => codes.add(c));
      for (const r of f.refs) {
        if (factsOf(r).forwards) f.passed.get(r)?.forEach((c) => codes.add(c));
        if (!seen.has(r)) {
          seen.add(r);
          queue.push(r);
        }
      }
    }
    reachCache.set(start, codes);
    return codes;
  }

  // ---- the public functions --------------------------------------------------------------------------------------
  interface PublicFunction {
    readonly name: string;
    readonly entry: string;
    readonly file: string;
    readonly decls: readonly ts.SignatureDeclaration[];
    readonly docNode: ts.Node;
    readonly top: Node;
  }
  const functions = new Map<string, PublicFunction>();
  for (const entry of entries) {
    const sf = program.getSourceFile(join(root, entry));
    const moduleSymbol = sf === undefined ? undefined : checker.getSymbolAtLocation(sf);
    if (moduleSymbol === undefined) throw new Error(`cannot read ${entry}`);
    for (const exp of checker.getExportsOfModule(moduleSymbol)) {
      const sym = resolve(exp);
      const decls = sym?.declarations ?? [];
      const fnDecls = decls.filter(ts.isFunctionDeclaration);
      let sigs: ts.SignatureDeclaration[] = fnDecls;
      let docNode: ts.Node | undefined = fnDecls[0];
      if (fnDecls.length === 0) {
        const v = decls.find(ts.isVariableDeclaration);
        const init = v?.initializer;
        const fn = init === undefined ? undefined : ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? init : undefined;
        if (v === undefined || fn === undefined) continue;
        sigs = [fn];
        docNode = v.parent.parent; // the VariableStatement carries the JSDoc
      }
      if (docNode === undefined) continue;
      const file = relative(root, docNode.getSourceFile().fileName);
      const key = `${file}#${exp.name}`;
      if (functions.has(key)) continue;
      functions.set(key, { name: exp.name, entry, file, decls: sigs, docNode, top: topOf(docNode) as Node });
    }
  }

  // ---- checking ----------------------------------------------------------------------------------------------------
  /** One block tag as written: its name, and its text without the leading `*` of each line. */
  interface Tag {
    readonly tag: string;
    readonly text: string;
  }
  /**
   * The block tags of the JSDoc comment right before a declaration, read from the source text (TypeScript's own tag
   * parser takes the `{` after `@throws` as the start of a type and splits `{@link …}` off as a tag of its own).
   */
  function blockTags(n: ts.Node): Tag[] {
    const docs = (n as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    const doc = docs[docs.length - 1];
    if (doc === undefined) return [];
    const lines = n.getSourceFile().text.slice(doc.pos, doc.end).replace(/^\/\*\*/, "").replace(/\*\/$/, "").split("\n").map((l) => l.replace(/^\s*\*(?!\/)\s?/, ""));
    const tags: { tag: string; text: string }[] = [];
    let fenced = false;
    for (const l of lines) {
      if (/^\s*```/.test(l)) fenced = !fenced;
      const m = fenced ? null : /^@(\w+)\s*(.*)$/.exec(l);
      if (m !== null) tags.push({ tag: m[1] as string, text: m[2] as string });
      else if (tags.length > 0) (tags[tags.length - 1] as { text: string }).text += `\n${l}`;
    }
    return tags.map((t) => ({ tag: t.tag, text: t.text.trim() }));
  }
  const isVoidLike = (t: ts.Type): boolean => {
    if (t.flags & (ts.TypeFlags.Void | ts.TypeFlags.Never | ts.TypeFlags.Undefined)) return true;
    const sym = t.getSymbol();
    if (sym?.name === "Promise") {
      const [arg] = checker.getTypeArguments(t as ts.TypeReference);
      return arg !== undefined && isVoidLike(arg);
    }
    return false;
  };

  const gaps: string[] = [];
  const review: string[] = [];
  let documentedThrows = 0;
  for (const fn of [...functions.values()].sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name))) {
    const where = `${fn.file}: ${fn.name}`;
    // all JSDoc tags of all overloads and of the implementation
    const tags = fn.decls.flatMap((d) => (ts.isArrowFunction(d) || ts.isFunctionExpression(d) ? blockTags(fn.docNode) : blockTags(d)));
    const params = tags.filter((t) => t.tag === "param").map((t) => {
      const m = /^(?:\{[^}]*\}\s*)?\[?([\w$.]+)[^\s]*\s*(?:-\s*)?([\s\S]*)$/.exec(t.text);
      return { name: m?.[1] ?? "", text: m?.[2] ?? "" };
    });
    const paramNames = [...new Set(params.map((p) => p.name))];
    const problems: string[] = [];
    // parameters: the union over the signatures a caller sees (overloads, or the one implementation)
    const visible = fn.decls.length > 1 ? fn.decls.filter((d) => !(ts.isFunctionDeclaration(d) && d.body !== undefined)) : fn.decls;
    const wanted = new Map<string, number>();
    for (const d of visible) {
      d.parameters.forEach((p, i) => {
        if (ts.isIdentifier(p.name)) wanted.set(p.name.text, i);
        else if (paramNames[i] === undefined) problems.push(`no @param for destructured parameter ${i + 1}`);
      });
    }
    for (const [name] of wanted) if (!paramNames.includes(name)) problems.push(`no @param ${name}`);
    for (const p of params) {
      const name = p.name;
      if (!wanted.has(name) && !visible.some((d) => d.parameters.some((q, i) => !ts.isIdentifier(q.name) && paramNames[i] === name))) problems.push(`@param ${name} names no parameter`);
      if (p.text.trim() === "") problems.push(`@param ${name} says nothing`);
    }
    // result
    const returns = tags.filter((t) => t.tag === "returns" || t.tag === "return");
    const needsReturns = visible.some((d) => {
      const sig = checker.getSignatureFromDeclaration(d);
      return sig !== undefined && !isVoidLike(checker.getReturnTypeOfSignature(sig));
    });
    if (needsReturns && returns.length === 0) problems.push("no @returns");
    if (returns.some((t) => t.text === "")) problems.push("@returns says nothing");
    // errors
    const throwsTags = tags.filter((t) => t.tag === "throws");
    const reach = reachable(fn.top);
    const named = new Set<string>();
    if (throwsTags.length === 0) problems.push(`no @throws${reach.size > 0 ? ` (can reach: ${[...reach].sort().join(", ")})` : " (none reachable: write `@throws Never — …`)"}`);
    for (const t of throwsTags) {
      const text = t.text.replace(/\s+/g, " ");
      if (/^Never\b/.test(text)) {
        if (throwsTags.length > 1) problems.push("@throws Never beside other @throws");
        if (reach.size > 0 && !/\b(caught|unreachable)\b/.test(text)) problems.push(`@throws Never, but the code can reach ${[...reach].sort().join(", ")} (say where they are caught or why they are unreachable, or name them)`);
        if (text.replace(/^Never\W*/, "").split(/\s+/).filter(Boolean).length < 2) problems.push("@throws Never without the reason");
        continue;
      }
      const codes = [...text.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1] as string).filter((c) => ERROR_CODES.has(c));
      if (codes.length === 0) problems.push(`@throws names no error code in backticks ("${text.slice(0, 60)}")`);
      for (const c of codes) {
        named.add(c);
        if (!reach.has(c)) problems.push(`@throws \`${c}\`, which the code cannot raise (reachable: ${[...reach].sort().join(", ") || "none"})`);
      }
      const rest = text.replace(/\{@link [^}]*\}/g, "").replace(/`[^`]*`/g, "").split(/\s+/).filter((w) => /\w/.test(w));
      if (rest.length < 3) problems.push(`@throws does not say when ("${text.slice(0, 60)}")`);
      documentedThrows++;
    }
    const unnamed = [...reach].filter((c) => !named.has(c)).sort();
    review.push(`${where}  reach: ${[...reach].sort().join(", ") || "-"}${unnamed.length > 0 && named.size > 0 ? `  (not named: ${unnamed.join(", ")})` : ""}`);
    if (problems.length > 0) gaps.push(`${where}\n      ${problems.join("\n      ")}`);
  }
  return { functions: functions.size, gaps, review, documentedThrows };
}

if (process.argv[1]?.endsWith("check-api-docs.ts")) {
  const root = new URL("..", import.meta.url).pathname;
  const ENTRIES = ["src/index.ts", "src/calendar/index.ts", "src/stats/index.ts", "src/node/index.ts", "src/duckdb/index.ts", "src/postgres/index.ts"];
  const { functions, gaps, review, documentedThrows } = checkApiDocs(root, ENTRIES);
  if (process.argv.includes("--infer")) console.log(review.join("\n"));
  if (gaps.length > 0) {
    console.error(`public functions with undocumented parameters, result or errors (${gaps.length} of ${functions}):\n  ${gaps.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`API docs: ${functions} public functions document every parameter, their result and their errors (${documentedThrows} @throws naming codes)`);
}
