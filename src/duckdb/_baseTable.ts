import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { SqlSource } from "../sql/SqlStatement.js";
import type { Engine } from "./_engine.js";

const RULE_CLAUSE = "本库抽取规范 docs/spec-v1.md §6–§7、docs/scale.md（非法规条款）/ library draw specification docs/spec-v1.md §6–§7, docs/scale.md; no regulation";

/**
 * A `{ table }` pool must be one base table of a DuckDB database (rule `pool-base-table`, docs/scale.md "Sources"):
 * a view, a table macro, a table of an attached non-DuckDB database (SQLite, Postgres: read live) or a table with a
 * generated (virtual) column can give rows that depend on the statement reading it (`current_query()`), so the pool
 * the commitment query sees need not be the one the selection query ranks — refused. The name must resolve to exactly
 * one relation across the attached databases and schemas (an unqualified name that is also a temp table elsewhere is
 * ambiguous: qualify it). Looked up in duckdb_tables(), duckdb_views(), duckdb_functions() and duckdb_databases();
 * run inside the draw's transaction, so the catalog checked is the one the statements then read. Files need no check.
 */
export async function requireBaseTable(engine: Engine, source: SqlSource): Promise<void> {
  if (source.table === undefined) return;
  const parts = source.table.split(".");
  const name = parts[parts.length - 1] as string;
  const schema = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const database = parts.length >= 3 ? parts[parts.length - 3] : undefined;
  const where = (db: string, sc: string, nm: string) =>
    `lower(${nm}) = lower({name})` + (schema === undefined ? "" : ` AND lower(${sc}) = lower({schema})`) + (database === undefined ? "" : ` AND lower(${db}) = lower({database})`);
  const text =
    `SELECT r.kind, r.database_name, r.schema_name, r.sql, d.type AS database_type FROM (` +
    `SELECT 'table' AS kind, database_name, schema_name, sql FROM duckdb_tables() WHERE NOT internal AND ${where("database_name", "schema_name", "table_name")} ` +
    `UNION ALL SELECT 'view', database_name, schema_name, sql FROM duckdb_views() WHERE NOT internal AND ${where("database_name", "schema_name", "view_name")} ` +
    `UNION ALL SELECT 'table macro', database_name, schema_name, NULL FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal AND ${where("database_name", "schema_name", "function_name")}` +
    `) r LEFT JOIN duckdb_databases() d USING (database_name)`;
  // {name} placeholders as DuckDB's positional parameters ($1, $2, …), in order of appearance
  const values: Record<string, string | undefined> = { name, schema, database };
  const params: { name: string; type: "text"; value: string }[] = [];
  const sql = text.replace(/\{(name|schema|database)\}/g, (_, p: string) => (params.push({ name: `${p}_${params.length}`, type: "text", value: values[p] as string }), `$${params.length}`));
  const rows = await engine.rows({ dialect: "duckdb", text: sql, params, columns: ["kind", "database_name", "schema_name", "sql", "database_type"] }, "validation");
  const found = rows.map((r) => `${String(r["kind"])} ${String(r["database_name"])}.${String(r["schema_name"])}.${name}`);
  const refuse = (why: string, whyZh: string): never => {
    throw new ShuangsuijiError("invalid-argument", [
      {
        path: ["pool", "table"],
        rule: "pool-base-table",
        clause: RULE_CLAUSE,
        messageZh: `名录须为 DuckDB 数据库中唯一的一张基本表（非视图、表宏、外部库表或含生成列的表）：${whyZh}`,
        messageEn: `the pool must be one base table of a DuckDB database (not a view, a table macro, a table of an attached non-DuckDB database or a table with a generated column): ${why}`,
        value: source.table,
      },
    ]);
  };
  const other = rows.find((r) => r["kind"] !== "table");
  if (other !== undefined) refuse(`${source.table} names a ${String(other["kind"])} (${found.join(", ")})`, `${source.table}为${other["kind"] === "view" ? "视图" : "表宏"}`);
  if (rows.length === 0) refuse(`no base table named ${source.table}`, `不存在名为${source.table}的基本表`);
  if (rows.length > 1) refuse(`${source.table} is ambiguous (${found.join(", ")}): qualify it as database.schema.table`, `${source.table}指代不明，请写明库名和模式名`);
  const t = rows[0] as Record<string, unknown>;
  if (t["database_type"] !== "duckdb") refuse(`${source.table} is a table of an attached ${String(t["database_type"])} database, read live`, `${source.table}属于外部数据库（${String(t["database_type"])}），每次读取可能不同`);
  if (typeof t["sql"] === "string" && /GENERATED\s+ALWAYS/i.test(t["sql"])) refuse(`${source.table} has a generated column (computed when read)`, `${source.table}含生成列（读取时计算）`);
}
