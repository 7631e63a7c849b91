import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { MAX_PGLITE_PREPARED } from '../../src/db/pglite-prepared.ts';
import { MAX_PREPARED_PER_CONNECTION, statementName } from '../../src/db/prepared-client.ts';
import { freshPostgresUrl } from '../support/test-db.ts';

const pgUrl = process.env.DATABASE_URL;

describe('named prepared statements on PostgreSQL', { skip: pgUrl ? false : 'PostgreSQL only (.ci/run sets DATABASE_URL); the embedded engine has its own describe below' }, () => {
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

describe('named prepared statements on the embedded engine', () => {
  let db: Db;
  before(async () => {
    db = await openDatabase({ dataDir: 'memory', sharedBuffersMb: 8 });
  });
  after(() => db?.destroy());

  const prepared = async () =>
    (await sql<{ name: string; generic_plans: number; custom_plans: number }>`select name, generic_plans::int, custom_plans::int from pg_prepared_statements`.execute(db)).rows;

  test('a parameterised query is parsed once and then bound on every call', async () => {
    const query = (n: number) => sql<{ doubled: number }>`select ${n}::int * 2 + 0 as doubled`.execute(db);
    for (let i = 0; i < 12; i++) assert.equal((await query(i)).rows[0]?.doubled, i * 2);
    const mine = (await prepared()).filter((s) => s.generic_plans + s.custom_plans === 12);
    assert.equal(mine.length, 1, 'one named statement ran all 12 calls');
  });

  test("values travel and come back with the engine's types: bigint as number, date as text, timestamptz as Date, arrays, null", async () => {
    const at = new Date('2026-11-24T15:00:00.000Z');
    const r = await sql<{ big: number; day: string; at: Date; ids: number[]; nothing: null }>`
      select ${'9007199254740991'}::int8 as big, ${'2026-11-24'}::date as day, ${at}::timestamptz as at,
             ${[3, 1, 2]}::int[] as ids, ${null}::text as nothing`.execute(db);
    assert.deepEqual(r.rows[0], { big: 9007199254740991, day: '2026-11-24', at, ids: [3, 1, 2], nothing: null });
  });

  test('an error keeps its SQLSTATE and leaves the session usable; a text that does not parse is not kept', async () => {
    await assert.rejects(sql`select 1 / ${0}::int`.execute(db), (e: { code?: string }) => e.code === '22012');
    const count = (await prepared()).length;
    await assert.rejects(sql`select from where ${1}`.execute(db), (e: { code?: string }) => e.code === '42601');
    await assert.rejects(sql`select from where ${1}`.execute(db), (e: { code?: string }) => e.code === '42601');
    assert.equal((await prepared()).length, count);
    assert.equal((await sql<{ n: number }>`select ${5}::int as n`.execute(db)).rows[0]?.n, 5);
  });

  test('inside a transaction, and a rolled-back write is gone', async () => {
    await sql`create table t_prepared (id int primary key, note text)`.execute(db);
    await db.transaction().execute(async (tx) => {
      await sql`insert into t_prepared values (${1}, ${'kept'})`.execute(tx);
    });
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await sql`insert into t_prepared values (${2}, ${'gone'})`.execute(tx);
        await sql`insert into t_prepared values (${1}, ${'duplicate'})`.execute(tx);
      }),
      (e: { code?: string }) => e.code === '23505',
    );
    const rows = await sql<{ id: number; note: string }>`select id, note from t_prepared where id > ${0} order by id`.execute(db);
    assert.deepEqual(rows.rows, [{ id: 1, note: 'kept' }]);
  });

  test('texts that vary with their input stop at the limit, and still run', async () => {
    for (let size = 1; size <= MAX_PGLITE_PREPARED + 20; size++) {
      const ids = Array.from({ length: size }, (_, i) => i + 1);
      const r = await sql<{ n: number }>`select count(*)::int as n from generate_series(1, ${size + 10}) g where g in (${sql.join(ids)})`.execute(db);
      assert.equal(r.rows[0]?.n, size);
    }
    assert.equal((await prepared()).length, MAX_PGLITE_PREPARED);
  });

  test('EMBEDDED_SHARED_BUFFERS_MB reaches the engine', async () => {
    assert.equal((await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db)).rows[0]?.shared_buffers, '8MB');
  });
});
