import type { SqlParameter, SqlStatement } from "../sql/SqlStatement.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";

/**
 * Progress of a long engine step: which step, and DuckDB's own estimate of the share done (0–100, -1 unknown).
 *
 * @category DuckDB
 */
export interface DuckDbProgress {
  /** `commitment`, `check` (the commitment recomputed at draw time) or `selection`. */
  readonly step: "commitment" | "check" | "selection";
  /** DuckDB's estimate, percent; -1 when it has none. */
  readonly percent: number;
  /** Seconds since the step started. */
  readonly seconds: number;
}

/**
 * Options every DuckDB function takes.
 *
 * @category DuckDB
 */
export interface DuckDbOptions {
  /** Database file (default: an in-memory database). */
  readonly database?: string;
  /** DuckDB threads (default: DuckDB's own, one per core). */
  readonly threads?: number;
  /** DuckDB memory limit, e.g. `"3GB"` (default: DuckDB's, 80 % of RAM); larger work spills to `tempDirectory`. */
  readonly memoryLimit?: string;
  /** Where DuckDB spills (default: DuckDB's, next to the database file or `.tmp`). */
  readonly tempDirectory?: string;
  /** Called about once a second during each step, and once at its end with percent 100. */
  readonly onProgress?: (p: DuckDbProgress) => void;
}

type Api = typeof import("@duckdb/node-api");

async function loadApi(): Promise<Api> {
  try {
    return await import("@duckdb/node-api");
  } catch (cause) {
    throw new ShuangsuijiError(
      "invalid-argument",
      [{ path: ["engine"], rule: "optional-peer", clause: "docs/scale.md", messageZh: "需先安装可选依赖 @duckdb/node-api", messageEn: "install the optional peer dependency @duckdb/node-api (npm install @duckdb/node-api) to draw in DuckDB" }],
      { cause },
    );
  }
}

/** An open DuckDB connection that runs generated statements with their parameters bound, reporting progress. */
export interface Engine {
  readonly rows: (statement: SqlStatement, step: DuckDbProgress["step"]) => Promise<Record<string, unknown>[]>;
  readonly close: () => void;
}

const hrSeconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export async function openEngine(options: DuckDbOptions): Promise<Engine> {
  const api = await loadApi();
  const config: Record<string, string> = {};
  if (options.threads !== undefined) config["threads"] = String(options.threads);
  if (options.memoryLimit !== undefined) config["memory_limit"] = options.memoryLimit;
  if (options.tempDirectory !== undefined) config["temp_directory"] = options.tempDirectory;
  const instance = await api.DuckDBInstance.create(options.database ?? ":memory:", config);
  const connection = await instance.connect();
  const bind = (p: SqlParameter) => {
    switch (p.type) {
      case "text":
        return { value: p.value, type: api.VARCHAR };
      case "text[]":
        return { value: api.listValue([...p.value]), type: api.LIST(api.VARCHAR) };
      case "integer[]":
        return { value: api.listValue([...p.value]), type: api.LIST(api.INTEGER) };
    }
  };
  return {
    async rows(statement, step) {
      const bound = statement.params.map(bind);
      const start = process.hrtime.bigint();
      const timer = options.onProgress === undefined ? undefined : setInterval(() => {
        const p = connection.progress;
        options.onProgress?.({ step, percent: p.percentage, seconds: hrSeconds(start) });
      }, 1000);
      try {
        const reader = await connection.runAndReadAll(statement.text, bound.map((b) => b.value), bound.map((b) => b.type));
        const out = reader.getRowObjectsJS() as Record<string, unknown>[];
        options.onProgress?.({ step, percent: 100, seconds: hrSeconds(start) });
        return out;
      } finally {
        if (timer !== undefined) clearInterval(timer);
      }
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
