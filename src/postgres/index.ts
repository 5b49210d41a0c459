// shuangsuiji/postgres — the reference PostgreSQL event store (Node only: give it a `pg` Pool). See docs/persistence.md.
export { createPostgresEventStore, type PgPoolLike, type PgPoolClientLike, type PgQueryable, type PostgresEventStore, type PostgresEventStoreOptions, type PostgresAppendOptions } from "./createPostgresEventStore.js";
