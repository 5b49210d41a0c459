import { invalid, isPlainObject, own, requireObject } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { SqlStatement } from "./SqlStatement.js";

/**
 * ClickHouse external data (a temporary table sent with the query; every version since 1.1 accepts it, and a
 * Distributed query forwards it to every shard).
 *
 * @category SQL
 */
export interface ClickHouseExternalTable {
  /** Table name the text reads: `ssj_params`. */
  readonly name: string;
  /** Its structure, e.g. `ticket_prefix String, classes Array(String)`. */
  readonly structure: string;
  /** `JSONEachRow`. */
  readonly format: "JSONEachRow";
  /** The one row, as a JSON line. */
  readonly data: string;
}

const CH_TYPES = { text: "String", "text[]": "Array(String)", "integer[]": "Array(Int64)" } as const;

/**
 * The bound parameters of a ClickHouse statement as the external table `ssj_params` it reads them from. Send it with
 * the query: over HTTP as a multipart field `ssj_params` with URL parameters `ssj_params_structure` and
 * `ssj_params_format`; with clickhouse-client as `--external --name=ssj_params --structure=… --format=JSONEachRow`.
 *
 * @param raw - A ClickHouse statement of {@link generateCommitmentSql} or {@link generateSelectionSql}.
 * @returns The external table: name, structure, format and data.
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` is not a generated statement (no `params` array, a
 *   malformed parameter).
 * @throws {@link ShuangsuijiError} `invalid-argument` when the statement is not for ClickHouse.
 * @category SQL
 * @example
 * ```ts
 * import { clickhouseParams, generateCommitmentSql } from "shuangsuiji";
 * const q = generateCommitmentSql({ dialect: "clickhouse", source: { table: "units_all" } });
 * clickhouseParams(q).structure; // "excluded_ids Array(String)"
 * ```
 */
export function clickhouseParams(raw: SqlStatement): ClickHouseExternalTable {
  const statement = requireObject(raw, ["statement"]) as unknown as SqlStatement;
  if (!Array.isArray(statement.params)) invalid(["statement", "params"], "expected the params array of a generated statement", "应为生成语句的参数数组", statement.params);
  statement.params.forEach((p: unknown, i) => {
    if (!isPlainObject(p) || typeof p["name"] !== "string" || own(CH_TYPES, p["type"]) === undefined) invalid(["statement", "params", i], "expected a parameter { name, type, value } of a generated statement", "应为生成语句的参数 { name, type, value }", p);
  });
  if (statement.dialect !== "clickhouse") {
    throw new ShuangsuijiError("invalid-argument", [{ path: ["dialect"], rule: "sql-generation", clause: "docs/scale.md", messageZh: "仅适用于ClickHouse语句", messageEn: "only a ClickHouse statement reads its parameters from ssj_params", value: statement.dialect }]);
  }
  return Object.freeze({
    name: "ssj_params",
    structure: statement.params.map((p) => `${p.name} ${own(CH_TYPES, p.type)}`).join(", "),
    format: "JSONEachRow" as const,
    data: `${JSON.stringify(Object.fromEntries(statement.params.map((p) => [p.name, p.value])))}\n`,
  });
}
