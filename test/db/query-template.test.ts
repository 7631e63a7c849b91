import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { queryTemplate } from '../../src/db/query-template.ts';
import { freshDatabase } from '../support/test-db.ts';

interface QtRow {
  id: number;
  name: string;
  tag: string | null;
  n: number;
}

describe('queryTemplate: built and compiled once per shape, run with each call values', () => {
  let db: Db;
  const compiled: CompiledQuery[] = [];
  before(async () => {
    db = await freshDatabase();
    await sql`create table qt (id int primary key, name text, tag text, n int)`.execute(db);
    await sql`insert into qt values (1, 'um', 'a', 0), (2, 'dois', null, 5), (3, 'tres', 'b', 5), (4, 'quatro', 'a', 9)`.execute(db);
  });
  after(() => db?.destroy());

  /** A table of the test's own, outside the app's schema type. */
  const rawSelect = (q: Db) => (q as unknown as Kysely<{ qt: QtRow }>).selectFrom('qt').select(['id', 'name']);
  interface Args {
    tag?: string | null;
    minN?: number;
    name?: string;
    order: 'id' | 'name';
    limit: number;
  }
  let builds = 0;
  const run = queryTemplate((q: Db, a: Args) => {
    builds++;
    let query = rawSelect(q);
    if (a.tag === null) query = query.where('tag', 'is', null);
    else if (a.tag !== undefined) query = query.where('tag', '=', a.tag);
    if (a.minN !== undefined) query = query.where('n', '>=', a.minN);
    if (a.name) query = query.where(sql<boolean>`name = ${a.name}`);
    query = a.order === 'name' ? query.orderBy('name') : query.orderBy('id');
    const built = query.limit(a.limit);
    compiled.push(built.compile());
    return built;
  }, ['order']);
  const ids = async (a: Args) => (await run(db, a)).map((r) => (r as { id: number }).id);

  test('the same shape with new values reuses the template and gets the new values', async () => {
    builds = 0;
    assert.deepEqual(await ids({ tag: 'a', order: 'id', limit: 10 }), [1, 4]);
    assert.deepEqual(await ids({ tag: 'b', order: 'id', limit: 10 }), [3]);
    assert.deepEqual(await ids({ tag: 'a', order: 'id', limit: 1 }), [1]);
    assert.equal(builds, 1, 'built once for three calls');
  });

  test('null, 0 and empty arguments reach the builder as they are and are part of the shape (null can choose IS NULL)', async () => {
    builds = 0;
    assert.deepEqual(await ids({ tag: null, order: 'id', limit: 10 }), [2]);
    assert.deepEqual(await ids({ tag: 'a', minN: 0, order: 'id', limit: 10 }), [1, 4]);
    assert.deepEqual(await ids({ tag: 'a', minN: 5, order: 'id', limit: 10 }), [4]);
    assert.deepEqual(await ids({ name: '', order: 'id', limit: 10 }), [1, 2, 3, 4], 'an empty name is falsy: no filter, as the builder says');
    assert.deepEqual(await ids({ name: 'tres', order: 'id', limit: 10 }), [3]);
    assert.deepEqual(await ids({ order: 'name', limit: 2 }), [2, 4]);
    assert.deepEqual(await ids({ order: 'id', limit: 2 }), [1, 2]);
    const last = compiled.at(-1);
    assert.match(last?.sql ?? '', /order by "id"/);
  });

  test('a value computed from an argument inside the builder is refused, not baked into the SQL', async () => {
    const bad = queryTemplate((q: Db, a: { name: string }) => rawSelect(q).where('name', 'like', `%${a.name}%`));
    await assert.rejects(bad(db, { name: 'um' }), /computed with/);
    const nested = queryTemplate((q: Db, a: { id: number }) => rawSelect(q).where(sql<boolean>`id = any(${[a.id]})`));
    await assert.rejects(nested(db, { id: 1 }), /inside an array/);
  });
});
