import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
// Any constant works; it only has to be the same for every instance of the server.
const MIGRATION_LOCK_KEY = 7_302_011;

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const f of files) {
    if (!MIGRATION_FILE.test(f)) throw new Error(`migration file name must be NNNN_name.sql: ${f}`);
  }
  return files.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Applies pending migrations in name order, all in one transaction (a failing file leaves the
 * database as it was). An advisory lock keeps two instances starting at once from racing.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = await sql<{ name: string }>`select name from schema_migrations`.execute(trx);
    const applied = new Set(done.rows.map((r) => r.name));
    const ran: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migrations (name) values (${m.name})`.execute(trx);
      ran.push(m.name);
    }
    return ran;
  });
}

/** Names of migrations not yet applied (empty = the database is up to date). */
export async function pendingMigrations(db: Db, migrations = listMigrations()): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`select to_regclass('schema_migrations') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return migrations.map((m) => m.name);
  const done = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
  const applied = new Set(done.rows.map((r) => r.name));
  return migrations.map((m) => m.name).filter((n) => !applied.has(n));
}
