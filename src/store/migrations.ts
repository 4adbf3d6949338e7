// The curator database's schema, as a numbered list of migrations kept in code, one list for both
// backends: a migration gives one SQL text when both dialects accept it (ALTER TABLE … ADD COLUMN
// does), or one per backend. In SQLite `PRAGMA user_version` records how many have run; the pending
// ones run in one IMMEDIATE transaction together with the version bump, so a crash or a second process
// opening the file at the same moment never sees half a schema. PostgreSQL does the same under an
// advisory lock (postgres-migrate.ts). Append new migrations at the end; never edit one that has shipped.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  why: string;
  /** Both dialects, or one per backend (an absent one has nothing to do there). */
  sql: string | { sqlite?: string; postgres?: string };
}

export function sqlFor(m: Migration, backend: 'sqlite' | 'postgres'): string {
  return typeof m.sql === 'string' ? m.sql : (m.sql[backend] ?? '');
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'unanswered-question log and per-guild settings',
    sql: {
      sqlite: `
      -- One row per question that was not found, came back with low confidence, or got a
      -- "this didn't answer me" press. No user ids, on purpose: guild id only.
      CREATE TABLE unanswered (
        id        INTEGER PRIMARY KEY,
        at        INTEGER NOT NULL,                 -- ms since the epoch (UTC)
        kind      TEXT    NOT NULL CHECK (kind IN ('not-found', 'low-confidence', 'feedback')),
        question  TEXT    NOT NULL,
        article   TEXT    NOT NULL,                 -- knowledge pack slug
        guild_id  TEXT,                             -- null in DMs and the terminal
        candidate TEXT,                             -- the top passage the engine had, if any
        score     REAL                              -- its confidence in 0..1, if any
      ) STRICT;
      CREATE INDEX unanswered_at ON unanswered (at);
      CREATE INDEX unanswered_article ON unanswered (article, question);

      CREATE TABLE guild_settings (
        guild_id           TEXT    PRIMARY KEY,
        default_article    TEXT,
        cooldown_burst     INTEGER,                 -- null: the bot's configured cooldown
        cooldown_refill_ms INTEGER,
        private_by_default INTEGER NOT NULL DEFAULT 0,
        updated_at         INTEGER NOT NULL
      ) STRICT;
    `,
      postgres: `
      CREATE TABLE unanswered (
        id        BIGSERIAL PRIMARY KEY,
        at        BIGINT NOT NULL,
        kind      TEXT   NOT NULL CHECK (kind IN ('not-found', 'low-confidence', 'feedback')),
        question  TEXT   NOT NULL,
        article   TEXT   NOT NULL,
        guild_id  TEXT,
        candidate TEXT,
        score     DOUBLE PRECISION
      );
      CREATE INDEX unanswered_at ON unanswered (at);
      CREATE INDEX unanswered_article ON unanswered (article, question);

      CREATE TABLE guild_settings (
        guild_id           TEXT    PRIMARY KEY,
        default_article    TEXT,
        cooldown_burst     INTEGER,
        cooldown_refill_ms INTEGER,
        private_by_default BOOLEAN NOT NULL DEFAULT false,
        updated_at         BIGINT  NOT NULL
      );
    `,
    },
  },
  {
    version: 2,
    why: 'the Q&A forum channel whose new posts the bot answers',
    sql: `ALTER TABLE guild_settings ADD COLUMN forum_channel TEXT;`,
  },
  {
    version: 3,
    why: 'interaction ids already answered, so a replay is answered once across replicas',
    sql: {
      // SQLite serves one process: its replay memory is in that process.
      postgres: `
      CREATE TABLE seen_interactions (
        id TEXT   PRIMARY KEY,
        at BIGINT NOT NULL
      );
      CREATE INDEX seen_interactions_at ON seen_interactions (at);
    `,
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(`schema version ${found} is newer than this bot knows (${SCHEMA_VERSION}); was it written by a newer release?`);
    this.name = 'NewerSchemaError';
  }
}

/** Brings the schema up to date; returns the migrations it ran. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const run = db.transaction((): Migration[] => {
    // Read inside the transaction: another process may have migrated while we waited for the lock.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > migrations.length) throw new NewerSchemaError(current);
    const pending = migrations.slice(current);
    for (const m of pending) db.exec(sqlFor(m, 'sqlite'));
    if (pending.length) db.pragma(`user_version = ${migrations.length}`);
    return pending;
  });
  return run.immediate();
}
