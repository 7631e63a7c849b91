import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { queryTemplate } from '../../db/query-template.ts';
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

export type PersonQueryArgs = Omit<PersonFilter, 'nameContains'> & PersonQueryOptions & { namePattern?: string };

/**
 * Every person shape in one query: the customer row, its classification, primary phone and
 * e-mail, and the installation and billing address chains from `street_labels` (migration 0131:
 * one row per street, kept by triggers). The same chains joined from streets → neighbourhoods →
 * cities → states made a 12-table join that cost ~10 ms of planning per call.
 */
export function peopleQuery(db: Q, f: PersonQueryArgs) {
  let q = db
    .selectFrom('customers as c')
    .leftJoin('customer_classifications as cl', 'cl.id', 'c.classification_id')
    .leftJoin('street_labels as home', 'home.street_id', 'c.street_id')
    .leftJoin('street_labels as bill', 'bill.street_id', 'c.billing_street_id')
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
      'c.billing_street_id',
      'c.billing_address_number',
      'c.billing_address_complement',
      'c.billing_cep',
      'cl.name as classification_name',
      'home.street_name',
      'home.neighbourhood_id',
      'home.neighbourhood_name',
      'home.city_id',
      'home.city_name',
      'home.state_id',
      'home.state_abbreviation',
      'bill.street_name as billing_street_name',
      'bill.neighbourhood_id as billing_neighbourhood_id',
      'bill.neighbourhood_name as billing_neighbourhood_name',
      'bill.city_id as billing_city_id',
      'bill.city_name as billing_city_name',
      'bill.state_id as billing_state_id',
      'bill.state_abbreviation as billing_state_abbreviation',
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
  if (f.neighbourhoodId !== undefined) {
    const neighbourhoodId = f.neighbourhoodId;
    q = q.where('c.street_id', 'in', (eb) => eb.selectFrom('streets').select('id').where('neighbourhood_id', '=', neighbourhoodId));
  }
  if (f.idFrom !== undefined) q = q.where('c.id', '>=', f.idFrom);
  if (f.idTo !== undefined) q = q.where('c.id', '<=', f.idTo);
  if (f.updatedFrom !== undefined) q = q.where('c.updated_at', '>=', f.updatedFrom);
  if (f.updatedBefore !== undefined) q = q.where('c.updated_at', '<', f.updatedBefore);
  if (f.phone !== undefined) {
    const phone = f.phone;
    q = q.where('c.id', 'in', (eb) => eb.selectFrom('customer_phones').select('customer_id').where('phone', '=', phone));
  }
  if (f.namePattern !== undefined) {
    const pattern = f.namePattern;
    q = q.where(
      sql<boolean>`(search_key(c.name) like search_key(${pattern})
        or (c.trade_name is not null and search_key(c.trade_name) like search_key(${pattern})))`,
    );
  }
  if (f.order === 'name') q = q.orderBy('c.name').orderBy('c.id');
  else if (f.order === 'oldest') q = q.orderBy('c.created_at').orderBy('c.id');
  else q = q.orderBy('c.id');
  return q.limit(f.limit);
}

const runPeopleQuery = queryTemplate(peopleQuery, ['order']);

export async function findPeople(db: Q, f: PersonFilter, o: PersonQueryOptions) {
  const { nameContains, ...filter } = f;
  const namePattern = nameContains === undefined ? undefined : likeContains(nameContains);
  return runPeopleQuery(db, { ...filter, ...o, namePattern });
}

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
