/**
 * Node-only entry `shuangsuiji/duckdb`: the stage-1 draw where the data lives, in DuckDB (the optional peer
 * dependency `@duckdb/node-api`). See docs/scale.md.
 *
 * @module duckdb
 */
export type { DuckDbPool } from "./DuckDbPool.js";
export type { DuckDbOptions, DuckDbProgress } from "./_engine.js";
export { commitPoolInDuckDb } from "./commitPoolInDuckDb.js";
export { drawTargetsInDuckDb, type DrawTargetsInDuckDbInput } from "./drawTargetsInDuckDb.js";
export { verifyTargetDrawInDuckDb } from "./verifyTargetDrawInDuckDb.js";
