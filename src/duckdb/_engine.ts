import { invalid, isPlainObject, readOptions, readingElement, requireInteger, requireString } from "../_internal/boundary.js";
import type { SqlParameter, SqlStatement } from "../sql/SqlStatement.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";

/**
 * Progress of a long engine step: which step, and DuckDB's own estimate of the share done (0–100, -1 unknown).
 *
 * @category DuckDB
 */
export interface DuckDbProgress {
  /** `validation` (the pool rules of docs/spec-v1.md §3), `commitment`, `check` (the commitment recomputed at draw time) or `selection`. */
  readonly step: "validation" | "commitment" | "check" | "selection";
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
  /** The result as one array per column, by name (no row objects: the selection returns 5×10⁵ rows at 10⁷). */
  readonly columns: (statement: SqlStatement, step: DuckDbProgress["step"]) => Promise<{ readonly byName: ReadonlyMap<string, readonly unknown[]>; readonly count: number }>;
  /** The result's column names (for `SELECT * … LIMIT 0`: which columns a source has). */
  readonly columnNames: (statement: SqlStatement) => Promise<string[]>;
  /**
   * Runs `f` inside one transaction (`BEGIN TRANSACTION` … `COMMIT`, `ROLLBACK` when it throws): DuckDB's snapshot
   * isolation makes every statement of one draw or one verification read the same state of a table, whatever another
   * connection writes meanwhile (docs/scale.md "Sources").
   */
  readonly transaction: <T>(f: () => Promise<T>) => Promise<T>;
  readonly close: () => void;
}

const hrSeconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export async function openEngine(raw: DuckDbOptions): Promise<Engine> {
  const options = readEngineOptions(raw);
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
  const run = async (statement: SqlStatement, step: DuckDbProgress["step"]) => {
    const bound = statement.params.map(bind);
    const start = process.hrtime.bigint();
    const timer = options.onProgress === undefined ? undefined : setInterval(() => {
      const p = connection.progress;
      options.onProgress?.({ step, percent: p.percentage, seconds: hrSeconds(start) });
    }, 1000);
    try {
      let reader: Awaited<ReturnType<typeof connection.runAndReadAll>>;
      try {
        reader = await connection.runAndReadAll(statement.text, bound.map((b) => b.value), bound.map((b) => b.type));
      } catch (e) {
        // the engine refused (a missing file, a missing column, out of memory): a typed error naming the step
        const message = e instanceof Error ? e.message.slice(0, 500) : "unknown engine error";
        throw new ShuangsuijiError("engine-error", [{ path: [step], rule: "engine", clause: "docs/scale.md", messageZh: `DuckDB 执行失败：${message}`, messageEn: `DuckDB failed: ${message}` }], { cause: e });
      }
      const out = { columns: reader.getColumnsJS() as readonly (readonly unknown[])[], names: reader.columnNames(), count: reader.currentRowCount };
      options.onProgress?.({ step, percent: 100, seconds: hrSeconds(start) });
      return out;
    } finally {
      if (timer !== undefined) clearInterval(timer);
    }
  };
  return {
    async rows(statement, step) {
      const r = await run(statement, step);
      return rowObjects(r.columns, r.names, r.count);
    },
    async columns(statement, step) {
      const r = await run(statement, step);
      return { byName: new Map(r.names.map((n, i) => [n, r.columns[i] as readonly unknown[]] as const)), count: r.count };
    },
    async columnNames(statement) {
      const bound = statement.params.map(bind);
      try {
        const reader = await connection.runAndReadAll(statement.text, bound.map((b) => b.value), bound.map((b) => b.type));
        return reader.columnNames();
      } catch (e) {
        const message = e instanceof Error ? e.message.slice(0, 500) : "unknown engine error";
        throw new ShuangsuijiError("engine-error", [{ path: ["validation"], rule: "engine", clause: "docs/scale.md", messageZh: `DuckDB 执行失败：${message}`, messageEn: `DuckDB failed: ${message}` }], { cause: e });
      }
    },
    async transaction(f) {
      try {
        await connection.run("BEGIN TRANSACTION");
      } catch (e) {
        const message = e instanceof Error ? e.message.slice(0, 500) : "unknown engine error";
        throw new ShuangsuijiError("engine-error", [{ path: ["validation"], rule: "engine", clause: "docs/scale.md", messageZh: `DuckDB 执行失败：${message}`, messageEn: `DuckDB failed: ${message}` }], { cause: e });
      }
      let result: Awaited<ReturnType<typeof f>>;
      try {
        result = await f();
      } catch (e) {
        try {
          await connection.run("ROLLBACK");
        } catch {
          // the transaction may already be aborted by the engine's own error; the first error is the one reported
        }
        throw e;
      }
      // read-only statements: the commit cannot conflict, and its failure is an engine error like any other
      try {
        await connection.run("COMMIT");
      } catch (e) {
        const message = e instanceof Error ? e.message.slice(0, 500) : "unknown engine error";
        throw new ShuangsuijiError("engine-error", [{ path: ["validation"], rule: "engine", clause: "docs/scale.md", messageZh: `DuckDB 执行失败：${message}`, messageEn: `DuckDB failed: ${message}` }], { cause: e });
      }
      return result;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Row objects from the result's columns: six times cheaper than the driver's getRowObjectsJS on 5×10⁵ selected units. */
function rowObjects(columns: readonly (readonly unknown[])[], names: readonly string[], count: number): Record<string, unknown>[] {
  const out = new Array<Record<string, unknown>>(count);
  for (let r = 0; r < count; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c] as string] = (columns[c] as readonly unknown[])[r];
    out[r] = row;
  }
  return out;
}

/** The engine options, read once (issue 17): only the documented keys, each of its type; `onProgress` kept by reference. */
export function readEngineOptions(raw: unknown): DuckDbOptions & { readonly eligibility?: unknown; readonly exclusions?: unknown } {
  if (raw === undefined) return {};
  let onProgress: unknown;
  const rest: Record<string, unknown> = {};
  readingElement(["options"], () => {
    if (!isPlainObject(raw)) invalid(["options"], "expected an options object", "应为选项对象", raw);
    for (const k of Object.keys(raw)) {
      const d = Object.getOwnPropertyDescriptor(raw, k);
      if (d === undefined) continue;
      if (!("value" in d)) invalid(["options", k], "accessor properties are not plain data", "访问器属性不是普通数据");
      if (k === "onProgress") onProgress = d.value;
      else Object.defineProperty(rest, k, { value: d.value, enumerable: true, writable: true, configurable: true });
    }
  });
  const o = readOptions(rest, ["options"], ["database", "threads", "memoryLimit", "tempDirectory", "eligibility", "exclusions"]);
  if (o["database"] !== undefined) requireString(o["database"], ["options", "database"], 10_000);
  if (o["threads"] !== undefined) requireInteger(o["threads"], ["options", "threads"], 1, 1024);
  if (o["memoryLimit"] !== undefined) requireString(o["memoryLimit"], ["options", "memoryLimit"], 100);
  if (o["tempDirectory"] !== undefined) requireString(o["tempDirectory"], ["options", "tempDirectory"], 10_000);
  if (onProgress !== undefined && typeof onProgress !== "function") invalid(["options", "onProgress"], "expected a function", "应为函数", onProgress);
  return { ...o, ...(onProgress === undefined ? {} : { onProgress: onProgress as DuckDbOptions["onProgress"] & object }) } as DuckDbOptions;
}
