// @ts-check
// TypeDoc plugin for shuangsuiji's API reference:
// - module pages are named after the package entries (`shuangsuiji`, `shuangsuiji/calendar`, …), not "index";
// - the search finds Chinese terms (工作日, 统一社会信用代码): lunr's trimmer strips non-ASCII "non-word" characters, so
//   every run of CJK text in a page's comments, documents and name is indexed again as its own token guarded by "_",
//   which the trimmer keeps; the theme searches `*term*`, so any part of a run matches.
import { Converter, IndexEvent, ReflectionKind } from "typedoc";

/** Entry file (relative to src/) → the import path users write. */
const ENTRY_NAMES = { "index.ts": "shuangsuiji", "calendar/index.ts": "shuangsuiji/calendar", "stats/index.ts": "shuangsuiji/stats", "node/index.ts": "shuangsuiji/node", "duckdb/index.ts": "shuangsuiji/duckdb", "postgres/index.ts": "shuangsuiji/postgres" };
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]+/g;

/** The CJK runs of a text, each as a "_run_" token. */
export function cjkTokens(text) {
  return [...new Set(text.match(CJK_RUN) ?? [])].map((run) => `_${run}_`).join(" ");
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName.replace(/\\/g, "/");
    const rel = file?.split("/src/").pop();
    if (rel !== undefined && rel in ENTRY_NAMES) reflection.name = ENTRY_NAMES[/** @type {keyof typeof ENTRY_NAMES} */ (rel)];
  });
  app.renderer.on(IndexEvent.PREPARE_INDEX, (event) => {
    event.searchFieldWeights.cjk = 2;
    event.searchResults.forEach((r, i) => {
      const parts = [r.name];
      const comments = [r.comment, ...(r.isDeclaration() ? (r.signatures ?? []).map((s) => s.comment) : [])];
      for (const c of comments) if (c) parts.push(...[...c.summary, ...c.blockTags.flatMap((t) => t.content)].map((p) => p.text));
      if (r.isDocument()) parts.push(...r.content.map((p) => p.text));
      const field = event.searchFields[i];
      if (field) field.cjk = cjkTokens(parts.join("\n"));
    });
  });
}
