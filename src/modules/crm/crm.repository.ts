import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Q = Db | Tx;

export const findCustomerForLead = (db: Q, id: number) =>
  db
    .selectFrom('customers')
    .select(['id', 'company_id', 'name', 'latitude', 'longitude'])
    .where('id', '=', id)
    .executeTakeFirst();

/** `dataConnection` is the company's short name; matched case-insensitively. */
export const findActiveCompanyByShortName = (db: Q, shortName: string) =>
  db
    .selectFrom('companies')
    .select('id')
    .where(sql<boolean>`lower(short_name) = lower(${shortName})`)
    .where('active', '=', true)
    .executeTakeFirst();

export const findStateByAbbreviation = (db: Q, uf: string) =>
  db.selectFrom('states').select('id').where('abbreviation', '=', uf.toUpperCase()).executeTakeFirst();

export interface NewLead {
  company_id: number;
  customer_id: number;
  info: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
}

export const insertLead = async (tx: Tx, row: NewLead) =>
  (await tx.insertInto('leads').values({ ...row, updated_at: row.created_at }).returning('id').executeTakeFirstOrThrow()).id;

/** The lead with its coordinates, or the customer's when the lead has none. */
export const findLead = (db: Q, id: number) =>
  db
    .selectFrom('leads as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .select(['l.id', 'l.status', 'l.company_id', 'l.latitude', 'l.longitude', 'c.latitude as customer_latitude', 'c.longitude as customer_longitude'])
    .where('l.id', '=', id)
    .executeTakeFirst();

export const lockLead = (tx: Tx, id: number) =>
  tx.selectFrom('leads').select(['id', 'status', 'latitude', 'longitude']).where('id', '=', id).forUpdate().executeTakeFirst();

export const setLeadCoordinates = (tx: Tx, id: number, latitude: number, longitude: number) =>
  tx.updateTable('leads').set({ latitude, longitude }).where('id', '=', id).execute();
