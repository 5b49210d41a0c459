// The strict half of reading JSON: text that JSON.parse accepted is scanned once more for what JSON.parse silently
// resolves — two members of one object with the same name (it keeps the last) — and for nesting deeper than any
// shuangsuiji document has. A published record must read the same to every reader (docs/spec-v1.md §2: canonical JSON,
// which has no duplicate names); `"selected":[decoy],"selected":[real]` shows a first-wins reader, or a human, a
// different list than the verifier checks.

/** Deepest nesting accepted: records, commitments, policies and pools are a handful of levels deep. */
export const MAX_JSON_DEPTH = 256;

/** What the strict scan found wrong with JSON text JSON.parse accepted. */
export type JsonStructureProblem =
  | { readonly kind: "duplicate-member"; readonly name: string; readonly path: string }
  | { readonly kind: "too-deep"; readonly path: string };

interface Frame {
  readonly object: boolean;
  /** Names seen in this object: an array while small (cheap for a million rows of a pool), then a set. */
  names: string[] | Set<string> | undefined;
  /** Objects: the next string is a member name. */
  expectName: boolean;
  /** Objects: the last member name; arrays: the index of the current element. */
  name: string;
  index: number;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A path like `strata[0].selected` from the open containers (the root is `$`). */
function pathOf(stack: readonly Frame[], depth: number, last?: string): string {
  let p = "$";
  const seg = (f: Frame) => (f.object ? (IDENT.test(f.name) ? `.${f.name}` : `[${JSON.stringify(f.name)}]`) : `[${f.index}]`);
  for (let d = 0; d < depth; d++) p += seg(stack[d] as Frame);
  if (last !== undefined) p += IDENT.test(last) ? `.${last}` : `[${JSON.stringify(last)}]`;
  return p;
}

/**
 * Scans JSON text that `JSON.parse` accepted (valid JSON is assumed) for duplicate member names in any object —
 * names compared after unescaping, as JSON.parse compares them — and for nesting deeper than {@link MAX_JSON_DEPTH}.
 * One pass, no recursion (an explicit stack bounded by the depth limit), so hostile input fails cleanly.
 */
export function jsonStructureProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonStructureProblem | undefined {
  const stack: Frame[] = [];
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth >= maxDepth) return { kind: "too-deep", path: pathOf(stack, depth) };
      const object = c === 0x7b;
      const f = stack[depth];
      if (f === undefined) stack.push({ object, names: object ? [] : undefined, expectName: object, name: "", index: 0 });
      else {
        // reuse the frame of this depth: a pool of a million objects allocates no frames
        (f as { object: boolean }).object = object;
        f.names = object ? [] : undefined;
        f.expectName = object;
        f.name = "";
        f.index = 0;
      }
      depth++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
    } else if (c === 0x2c /* , */) {
      const f = stack[depth - 1] as Frame;
      if (f.object) f.expectName = true;
      else f.index++;
    } else if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d === 0x22) break;
        if (d === 0x5c) {
          escaped = true;
          j += 2;
        } else j++;
      }
      const f = depth > 0 ? (stack[depth - 1] as Frame) : undefined;
      if (f !== undefined && f.object && f.expectName) {
        const name = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        const names = f.names as string[] | Set<string>;
        if (Array.isArray(names)) {
          if (names.includes(name)) return { kind: "duplicate-member", name, path: pathOf(stack, depth - 1, name) };
          names.push(name);
          if (names.length > 16) f.names = new Set(names);
        } else {
          if (names.has(name)) return { kind: "duplicate-member", name, path: pathOf(stack, depth - 1, name) };
          names.add(name);
        }
        f.name = name;
        f.expectName = false;
      }
      i = j;
    }
  }
  return undefined;
}

/** The problem as one bilingual line, naming where it is. */
export function jsonStructureMessage(p: JsonStructureProblem): string {
  if (p.kind === "too-deep") {
    return `JSON嵌套过深（超过${MAX_JSON_DEPTH}层，位于 ${p.path}） / JSON nested too deeply (more than ${MAX_JSON_DEPTH} levels, at ${p.path})`;
  }
  const shown = JSON.stringify(p.name.length > 80 ? `${p.name.slice(0, 80)}…` : p.name);
  return (
    `成员名 ${shown} 重复（${p.path}）：JSON.parse只保留最后一个，不同的读者会读到不同的内容 / ` +
    `duplicate member name ${shown} at ${p.path}: JSON.parse keeps only the last one, so readers can see different documents [docs/spec-v1.md §2: canonical JSON]`
  );
}
