import { describe, it } from "vitest";
import pg from "pg";

/** The server the event-store tests use: `.ci/run` starts one (scripts/ci/postgres-store.sh) and exports its URL. */
export const PG_URL = process.env.SHUANGSUIJI_PG_URL;

/**
 * `describe` when a server is configured; under CI a missing server is a failure, never a silent skip; locally the
 * suite is skipped with a message.
 */
export function describePg(name: string, fn: () => void): void {
  if (PG_URL !== undefined && PG_URL !== "") {
    describe(name, fn);
  } else if (process.env.CI === "true") {
    describe(name, () => it("needs PostgreSQL", () => { throw new Error("SHUANGSUIJI_PG_URL is not set: CI must start PostgreSQL (scripts/ci/postgres-store.sh)"); }));
  } else {
    console.warn(`skipped "${name}": set SHUANGSUIJI_PG_URL (eval "$(bash scripts/ci/postgres-store.sh start)")`);
    describe.skip(name, fn);
  }
}

export const newPool = (max = 2) => new pg.Pool({ connectionString: PG_URL, max });
