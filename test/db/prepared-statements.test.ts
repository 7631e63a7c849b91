import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { MAX_PREPARED_PER_CONNECTION, statementName } from '../../src/db/prepared-client.ts';
import { freshPostgresUrl } from '../support/test-db.ts';

const pgUrl = process.env.DATABASE_URL;

describe('named prepared statements on PostgreSQL', { skip: pgUrl ? false : 'the embedded engine has no statement cache to use (.ci/run sets DATABASE_URL)' }, () => {
  let db: Db;
  before(async () => {
    // One connection, so every query below runs on the session whose statements we inspect.
    db = await openDatabase({ databaseUrl: await freshPostgresUrl(pgUrl as string), dataDir: 'memory', poolSize: 1 });
  });
  after(() => db?.destroy());

  const prepared = async () =>
    (await sql<{ name: string; generic_plans: number; custom_plans: number }>`select name, generic_plans::int, custom_plans::int from pg_prepared_statements`.execute(db)).rows;

  test('a parameterised query is parsed once per connection and then reuses its plan', async () => {
    const query = (n: number) => sql<{ doubled: number }>`select ${n}::int * 2 as doubled`.execute(db);
    for (let i = 0; i < 12; i++) assert.equal((await query(i)).rows[0]?.doubled, i * 2);
    const text = (sql`select ${1}::int * 2 as doubled`.compile(db)).sql;
    const mine = (await prepared()).filter((s) => s.name === statementName(text));
    assert.equal(mine.length, 1, 'one named statement for the text');
    assert.equal((mine[0]?.generic_plans ?? 0) + (mine[0]?.custom_plans ?? 0), 12, 'every execution went through it');
  });

  test('queries without parameters (several statements in one text) keep the simple protocol', async () => {
    await sql.raw('create temporary table t_simple (x int); insert into t_simple values (1), (2)').execute(db);
    const r = await sql<{ n: number }>`select count(*)::int as n from t_simple`.execute(db);
    assert.equal(r.rows[0]?.n, 2);
  });

  test('texts that vary with their input cannot grow one connection past the limit, and still run', async () => {
    const lists = MAX_PREPARED_PER_CONNECTION + 50;
    for (let size = 1; size <= lists; size++) {
      const ids = Array.from({ length: size }, (_, i) => i + 1);
      const r = await sql<{ n: number }>`select count(*)::int as n from generate_series(1, ${size + 10}) g where g in (${sql.join(ids)})`.execute(db);
      assert.equal(r.rows[0]?.n, size);
    }
    const named = (await prepared()).filter((s) => s.name.startsWith('pv_'));
    assert.ok(named.length <= MAX_PREPARED_PER_CONNECTION, `${named.length} named statements on one connection`);
    assert.ok(named.length >= MAX_PREPARED_PER_CONNECTION - 5, 'the limit is used, not bypassed');
  });
});
