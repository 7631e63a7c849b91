import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { seedDomain } from '../../src/db/seed/domain/index.ts';
import { findPeople } from '../../src/modules/customers/customers.repository.ts';
import { freshDatabase } from '../support/test-db.ts';

/** Rows of street_labels that differ from the chain the four tables give now (either side). */
async function mismatches(db: Db) {
  const { rows } = await sql<{ street_id: number }>`
    (select street_id, street_name, neighbourhood_id, neighbourhood_name, city_id, city_name, state_id, state_abbreviation from street_labels
     except
     select street_id, street_name, neighbourhood_id, neighbourhood_name, city_id, city_name, state_id, state_abbreviation from street_details)
    union all
    (select street_id, street_name, neighbourhood_id, neighbourhood_name, city_id, city_name, state_id, state_abbreviation from street_details
     except
     select street_id, street_name, neighbourhood_id, neighbourhood_name, city_id, city_name, state_id, state_abbreviation from street_labels)`.execute(db);
  return rows;
}

describe('street_labels: one row per street with its chain, kept by triggers', () => {
  let db: Db;
  before(async () => {
    db = await freshDatabase();
    // The seed's bulk path (COPY with session_replication_role = replica on PostgreSQL) must fire them too.
    await seedDomain(db, { customers: 40, seed: 3, now: new Date('2026-06-15T13:00:00Z') });
  });
  after(() => db?.destroy());

  const firstCustomer = async () => {
    const c = await db.selectFrom('customers').select(['id', 'street_id']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const [person] = await findPeople(db, { id: c.id }, { order: 'id', limit: 1 });
    assert.ok(person);
    return { ...c, person };
  };
  const chainOf = async (streetId: number) =>
    db
      .selectFrom('streets as s')
      .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
      .innerJoin('cities as ci', 'ci.id', 'n.city_id')
      .select(['s.id', 'n.id as neighbourhood_id', 'ci.id as city_id', 'ci.state_id'])
      .where('s.id', '=', streetId)
      .executeTakeFirstOrThrow();

  test('after the seed every street has its label and nothing else', async () => {
    const streets = Number((await sql<{ n: string }>`select count(*) as n from streets`.execute(db)).rows[0]?.n);
    assert.ok(streets > 0);
    assert.deepEqual(await mismatches(db), []);
  });

  test('renaming a street, neighbourhood, city or state, or moving a street, changes the person look-up at once', async () => {
    const { street_id, person } = await firstCustomer();
    const chain = await chainOf(street_id);
    await db.updateTable('streets').set({ name: 'Rua Renomeada Teste' }).where('id', '=', street_id).execute();
    await db.updateTable('neighbourhoods').set({ name: 'Bairro Renomeado Teste' }).where('id', '=', chain.neighbourhood_id).execute();
    await db.updateTable('cities').set({ name: 'Cidade Renomeada Teste' }).where('id', '=', chain.city_id).execute();
    const otherState = chain.state_id === 1 ? 2 : 1;
    const abbreviation = (await db.selectFrom('states').select('abbreviation').where('id', '=', chain.state_id).executeTakeFirstOrThrow()).abbreviation;
    await db.updateTable('states').set({ abbreviation: 'ZZ' }).where('id', '=', chain.state_id).execute();
    const [after] = await findPeople(db, { id: person.id }, { order: 'id', limit: 1 });
    assert.equal(after?.street_name, 'Rua Renomeada Teste');
    assert.equal(after?.neighbourhood_name, 'Bairro Renomeado Teste');
    assert.equal(after?.city_name, 'Cidade Renomeada Teste');
    assert.equal(after?.state_abbreviation, 'ZZ');
    await db.updateTable('states').set({ abbreviation }).where('id', '=', chain.state_id).execute();
    await db.updateTable('cities').set({ state_id: otherState }).where('id', '=', chain.city_id).execute();
    const [moved] = await findPeople(db, { id: person.id }, { order: 'id', limit: 1 });
    assert.equal(moved?.state_id, otherState);
    assert.deepEqual(await mismatches(db), []);
  });

  test('a new street gets its label in the same statement; a deleted one loses it', async () => {
    const { street_id } = await firstCustomer();
    const chain = await chainOf(street_id);
    const created = await db
      .insertInto('streets')
      .values([
        { neighbourhood_id: chain.neighbourhood_id, name: 'Rua Nova Um', cep: '86000001' },
        { neighbourhood_id: chain.neighbourhood_id, name: 'Rua Nova Dois', cep: '86000002' },
      ])
      .returning('id')
      .execute();
    const labels = await db.selectFrom('street_labels').select(['street_id', 'street_name']).where('street_id', 'in', created.map((r) => r.id)).orderBy('street_id').execute();
    assert.deepEqual(labels.map((l) => l.street_name), ['Rua Nova Um', 'Rua Nova Dois']);
    await db.updateTable('streets').set({ neighbourhood_id: chain.neighbourhood_id }).where('id', '=', created[0]!.id).execute();
    await db.deleteFrom('streets').where('id', '=', created[1]!.id).execute();
    assert.deepEqual(await mismatches(db), []);
  });
});
