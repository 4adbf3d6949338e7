// The migrations (migrations.ts) applied to PostgreSQL. Several replicas starting at once all call
// this: a transaction-scoped advisory lock lets one apply what is pending while the others wait, and
// each reads the version only once it holds the lock, so no migration runs twice.
import type pg from 'pg';
import { MIGRATIONS, NewerSchemaError, sqlFor, type Migration } from './migrations.ts';

/** Any fixed number: the advisory lock's name for "migrating the curator schema". */
const MIGRATION_LOCK = 7_360_117_001;

export async function migratePostgres(client: pg.PoolClient | pg.Client, migrations: readonly Migration[] = MIGRATIONS): Promise<Migration[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      why        TEXT    NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > migrations.length) throw new NewerSchemaError(current);
    const pending = migrations.slice(current);
    for (const m of pending) {
      const sql = sqlFor(m, 'postgres');
      if (sql.trim()) await client.query(sql);
      await client.query('INSERT INTO schema_migrations (version, why) VALUES ($1, $2)', [m.version, m.why]);
    }
    await client.query('COMMIT');
    return pending;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
