import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Q = Db | Tx;

export const listStates = (db: Q) =>
  db.selectFrom('states').select(['id', 'abbreviation', 'name', 'ibge_code']).orderBy('id').execute();

export const findStateByAbbreviation = (db: Q, abbreviation: string) =>
  db.selectFrom('states').select(['id', 'abbreviation']).where('abbreviation', '=', abbreviation).executeTakeFirst();

export const findState = (db: Q, id: number) =>
  db.selectFrom('states').select(['id', 'abbreviation', 'name']).where('id', '=', id).executeTakeFirst();

export const listCities = (db: Q, stateId?: number) => {
  let q = db.selectFrom('cities').select(['id', 'state_id', 'name', 'ibge_code']);
  if (stateId !== undefined) q = q.where('state_id', '=', stateId);
  return q.orderBy('name').orderBy('id').execute();
};

export const findCity = (db: Q, id: number) =>
  db.selectFrom('cities').select(['id', 'state_id', 'name', 'ibge_code']).where('id', '=', id).executeTakeFirst();

export const listNeighbourhoods = (db: Q, cityId?: number) => {
  let q = db.selectFrom('neighbourhoods').select(['id', 'city_id', 'name']);
  if (cityId !== undefined) q = q.where('city_id', '=', cityId);
  return q.orderBy('name').orderBy('id').execute();
};

export const findNeighbourhood = (db: Q, id: number) =>
  db
    .selectFrom('neighbourhoods as n')
    .innerJoin('cities as c', 'c.id', 'n.city_id')
    .select(['n.id', 'n.city_id', 'n.name', 'c.state_id'])
    .where('n.id', '=', id)
    .executeTakeFirst();

export const listStreets = (db: Q) =>
  db.selectFrom('streets').select(['id', 'neighbourhood_id', 'name', 'cep']).orderBy('name').orderBy('id').execute();

/** A street with the neighbourhood, city and state it belongs to. */
export const findStreet = (db: Q, id: number) =>
  db
    .selectFrom('streets as s')
    .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
    .innerJoin('cities as c', 'c.id', 'n.city_id')
    .select(['s.id', 's.name', 's.cep', 's.neighbourhood_id', 'n.city_id', 'c.state_id'])
    .where('s.id', '=', id)
    .executeTakeFirst();

export const listActiveCondominiums = (db: Q) =>
  db
    .selectFrom('condominiums as co')
    .innerJoin('streets as s', 's.id', 'co.street_id')
    .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
    .innerJoin('cities as c', 'c.id', 'n.city_id')
    .innerJoin('states as st', 'st.id', 'c.state_id')
    .select([
      'co.id',
      'co.name',
      'co.address_number',
      'co.cep',
      'co.blocks',
      'co.units',
      'co.latitude',
      'co.longitude',
      's.id as street_id',
      's.name as street_name',
      'n.id as neighbourhood_id',
      'n.name as neighbourhood_name',
      'c.id as city_id',
      'c.name as city_name',
      'st.id as state_id',
      'st.abbreviation as state_abbreviation',
    ])
    .where('co.active', '=', true)
    .orderBy('co.name')
    .orderBy('co.id')
    .execute();

export const findCondominium = (db: Q, id: number) =>
  db
    .selectFrom('condominiums')
    .select(['id', 'street_id', 'address_number', 'cep', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Serialises writes under one parent, so two requests cannot both pass the duplicate check. */
export async function lockParent(tx: Tx, kind: string, id: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${kind}:${id}`}))`.execute(tx);
}

// Duplicates are judged case- and accent-insensitively ("Rua São João" = "RUA SAO JOAO").
const sameName = (name: string) => sql<boolean>`search_key(name) = search_key(${name.trim()})`;

export const findCityNamed = (db: Q, stateId: number, name: string) =>
  db.selectFrom('cities').select('id').where('state_id', '=', stateId).where(sameName(name)).executeTakeFirst();

export const findCityByIbge = (db: Q, ibge: number) =>
  db.selectFrom('cities').select('id').where('ibge_code', '=', ibge).executeTakeFirst();

export const findNeighbourhoodNamed = (db: Q, cityId: number, name: string) =>
  db.selectFrom('neighbourhoods').select('id').where('city_id', '=', cityId).where(sameName(name)).executeTakeFirst();

export const findStreetNamed = (db: Q, neighbourhoodId: number, name: string) =>
  db
    .selectFrom('streets')
    .select('id')
    .where('neighbourhood_id', '=', neighbourhoodId)
    .where(sameName(name))
    .executeTakeFirst();

export const insertCity = (tx: Tx, row: { state_id: number; name: string; ibge_code: number }) =>
  tx.insertInto('cities').values(row).returning(['id', 'state_id', 'name', 'ibge_code']).executeTakeFirstOrThrow();

export const updateCity = (tx: Tx, id: number, changes: { name?: string; ibge_code?: number }) =>
  tx
    .updateTable('cities')
    .set(changes)
    .where('id', '=', id)
    .returning(['id', 'state_id', 'name', 'ibge_code'])
    .executeTakeFirstOrThrow();

export const insertNeighbourhood = (tx: Tx, row: { city_id: number; name: string }) =>
  tx.insertInto('neighbourhoods').values(row).returning(['id', 'city_id', 'name']).executeTakeFirstOrThrow();

export const updateNeighbourhood = (tx: Tx, id: number, name: string) =>
  tx
    .updateTable('neighbourhoods')
    .set({ name })
    .where('id', '=', id)
    .returning(['id', 'city_id', 'name'])
    .executeTakeFirstOrThrow();

export const insertStreet = (tx: Tx, row: { neighbourhood_id: number; name: string; cep: string }) =>
  tx.insertInto('streets').values(row).returning(['id', 'neighbourhood_id', 'name', 'cep']).executeTakeFirstOrThrow();

export const updateStreet = (tx: Tx, id: number, changes: { name?: string; cep?: string }) =>
  tx
    .updateTable('streets')
    .set(changes)
    .where('id', '=', id)
    .returning(['id', 'neighbourhood_id', 'name', 'cep'])
    .executeTakeFirstOrThrow();
