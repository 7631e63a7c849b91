import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { listMigrations, migrate, pendingMigrations } from '../../src/db/migrate.ts';
import { emptyDatabase } from '../support/test-db.ts';

test('all migrations apply, in order, on an empty database; a second run changes nothing', async () => {
  const db = await emptyDatabase();
  try {
    const all = listMigrations().map((m) => m.name);
    assert.deepEqual(all, [...all].sort(), 'file names sort in application order');
    assert.deepEqual(await pendingMigrations(db), all);
    assert.deepEqual(await migrate(db), all);
    assert.deepEqual(await migrate(db), []);
    assert.deepEqual(await pendingMigrations(db), []);
    const recorded = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
    assert.deepEqual(recorded.rows.map((r) => r.name), all);
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(db);
    assert.ok((tables.rows[0]?.n ?? 0) > 60, 'the domain schema is there');
  } finally {
    await db.destroy();
  }
});

test('a failing migration leaves the database as it was', async () => {
  const db = await emptyDatabase();
  try {
    const broken = [
      { name: '0001_ok.sql', sql: 'create table probe_ok (id int);' },
      { name: '0002_broken.sql', sql: 'create table probe_broken (id int); select * from no_such_table;' },
    ];
    await assert.rejects(migrate(db, broken));
    const exists = await sql<{ t: string | null }>`select to_regclass('probe_ok')::text as t`.execute(db);
    assert.equal(exists.rows[0]?.t, null);
    assert.deepEqual(await pendingMigrations(db, broken), ['0001_ok.sql', '0002_broken.sql']);
  } finally {
    await db.destroy();
  }
});
