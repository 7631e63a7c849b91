import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Q = Db | Tx;

/** Filters of the person lookups; every one of them is backed by an index. */
export interface PersonFilter {
  id?: number;
  document?: string;
  /** Substring of the name or trade name, matched case- and accent-insensitively (trigram GIN). */
  nameContains?: string;
  companyId?: number;
  /** DDD + number, digits only (customer_phones.phone index). */
  phone?: string;
  neighbourhoodId?: number;
  updatedFrom?: Date;
  updatedBefore?: Date;
  idFrom?: number;
  idTo?: number;
}

export interface PersonQueryOptions {
  order: 'id' | 'name' | 'oldest';
  limit: number;
}

/** `%`, `_` and `\` typed by the caller match themselves, not any text. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One query for every person shape: installation and billing chains, primary phone and e-mail. */
export function peopleQuery(db: Q, f: PersonFilter, o: PersonQueryOptions) {
  let q = db
    .selectFrom('customers as c')
    .innerJoin('streets as s', 's.id', 'c.street_id')
    .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
    .innerJoin('cities as ci', 'ci.id', 'n.city_id')
    .innerJoin('states as st', 'st.id', 'ci.state_id')
    .leftJoin('streets as bs', 'bs.id', 'c.billing_street_id')
    .leftJoin('neighbourhoods as bn', 'bn.id', 'bs.neighbourhood_id')
    .leftJoin('cities as bci', 'bci.id', 'bn.city_id')
    .leftJoin('states as bst', 'bst.id', 'bci.state_id')
    .leftJoin('customer_classifications as cl', 'cl.id', 'c.classification_id')
    .select([
      'c.id',
      'c.name',
      'c.trade_name',
      'c.document',
      'c.person_type',
      'c.status',
      'c.birth_date',
      'c.created_at',
      'c.company_id',
      'c.cep',
      'c.address_number',
      'c.address_complement',
      'c.latitude',
      'c.longitude',
      'c.street_id',
      's.name as street_name',
      'n.id as neighbourhood_id',
      'n.name as neighbourhood_name',
      'ci.id as city_id',
      'ci.name as city_name',
      'st.id as state_id',
      'st.abbreviation as state_abbreviation',
      'c.billing_street_id',
      'c.billing_address_number',
      'c.billing_address_complement',
      'c.billing_cep',
      'bs.name as billing_street_name',
      'bn.id as billing_neighbourhood_id',
      'bn.name as billing_neighbourhood_name',
      'bci.id as billing_city_id',
      'bci.name as billing_city_name',
      'bst.id as billing_state_id',
      'bst.abbreviation as billing_state_abbreviation',
      'cl.name as classification_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('customer_phones as p')
        .select('p.phone')
        .whereRef('p.customer_id', '=', 'c.id')
        .orderBy('p.is_primary', 'desc')
        .orderBy('p.id')
        .limit(1)
        .as('phone'),
      eb
        .selectFrom('customer_emails as e')
        .select('e.email')
        .whereRef('e.customer_id', '=', 'c.id')
        .orderBy('e.is_primary', 'desc')
        .orderBy('e.id')
        .limit(1)
        .as('email'),
    ]);
  if (f.id !== undefined) q = q.where('c.id', '=', f.id);
  if (f.document !== undefined) q = q.where('c.document', '=', f.document);
  if (f.companyId !== undefined) q = q.where('c.company_id', '=', f.companyId);
  if (f.neighbourhoodId !== undefined) q = q.where('s.neighbourhood_id', '=', f.neighbourhoodId);
  if (f.idFrom !== undefined) q = q.where('c.id', '>=', f.idFrom);
  if (f.idTo !== undefined) q = q.where('c.id', '<=', f.idTo);
  if (f.updatedFrom !== undefined) q = q.where('c.updated_at', '>=', f.updatedFrom);
  if (f.updatedBefore !== undefined) q = q.where('c.updated_at', '<', f.updatedBefore);
  if (f.phone !== undefined) {
    const phone = f.phone;
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('customer_phones').select('customer_id').where('phone', '=', phone));
  }
  if (f.nameContains !== undefined) {
    const pattern = likeContains(f.nameContains);
    q = q.where(
      sql<boolean>`(search_key(c.name) like search_key(${pattern})
        or (c.trade_name is not null and search_key(c.trade_name) like search_key(${pattern})))`,
    );
  }
  if (o.order === 'name') q = q.orderBy('c.name').orderBy('c.id');
  else if (o.order === 'oldest') q = q.orderBy('c.created_at').orderBy('c.id');
  else q = q.orderBy('c.id');
  return q.limit(o.limit);
}

export const findPeople = (db: Q, f: PersonFilter, o: PersonQueryOptions) => peopleQuery(db, f, o).execute();

export type PersonRow = Awaited<ReturnType<typeof findPeople>>[number];

export const findCompanies = (db: Q, ids: number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('companies as co')
        .innerJoin('streets as s', 's.id', 'co.street_id')
        .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
        .innerJoin('cities as ci', 'ci.id', 'n.city_id')
        .innerJoin('states as st', 'st.id', 'ci.state_id')
        .select([
          'co.id',
          'co.legal_name',
          'co.cnpj',
          'co.state_registration',
          'co.address_number',
          'co.cep',
          'co.phone',
          's.name as street_name',
          'n.name as neighbourhood_name',
          'ci.name as city_name',
          'st.abbreviation as state_abbreviation',
        ])
        .where('co.id', 'in', ids)
        .execute();

export type CompanyRow = Awaited<ReturnType<typeof findCompanies>>[number];

export const companyExists = async (db: Q, id: number) =>
  (await db.selectFrom('companies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

export const listContractsOf = (db: Q, customerIds: number[]) =>
  customerIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('contracts as k')
        .leftJoin('access_plans as ap', 'ap.id', 'k.access_plan_id')
        .leftJoin('crm_products as cp', 'cp.id', 'k.crm_product_id')
        .select(['k.id', 'k.customer_id', 'k.status', 'k.signed_on', 'ap.name as plan_name', 'cp.name as product_name'])
        .where('k.customer_id', 'in', customerIds)
        .orderBy('k.id')
        .execute();
