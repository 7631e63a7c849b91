import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Q = Db | Tx;

export const activeClassifications = (db: Q) =>
  db.selectFrom('ticket_classifications').select(['id', 'description', 'closes_ticket']).where('active', '=', true).orderBy('id').execute();

export const activeProcesses = (db: Q) =>
  db.selectFrom('ticket_processes').select(['id', 'parent_id', 'name']).where('active', '=', true).orderBy('id').execute();

export const attendantById = (db: Q, id: number) =>
  db.selectFrom('attendants').select(['id', 'name', 'email', 'active']).where('id', '=', id).executeTakeFirst();

const saoPauloMidnight = (isoDate: string) => sql<Date>`(${isoDate}::date)::timestamp at time zone 'America/Sao_Paulo'`;

/** Tickets opened on the São Paulo days from..to (inclusive; null = open end), every customer, oldest first. */
export function ticketsOpenedBetween(db: Q, from: string | null, to: string | null) {
  let q = db
    .selectFrom('tickets as t')
    .leftJoin('attendants as a', 'a.id', 't.attendant_id')
    .select(['t.id', 't.customer_id', 't.contract_id', 't.status', 't.opened_at', 't.attendant_id', 'a.name as attendant_name']);
  if (from) q = q.where('t.opened_at', '>=', saoPauloMidnight(from));
  if (to) q = q.where('t.opened_at', '<', sql<Date>`${saoPauloMidnight(to)} + interval '1 day'`);
  return q.orderBy('t.opened_at').orderBy('t.id').execute();
}

export const customerForTicket = (tx: Tx, id: number) =>
  tx.selectFrom('customers').select(['id', 'name', 'status', 'company_id']).where('id', '=', id).executeTakeFirst();

export const contractOf = (tx: Tx, id: number) =>
  tx.selectFrom('contracts').select(['id', 'customer_id', 'company_id']).where('id', '=', id).executeTakeFirst();

export const connectionsOfContract = (tx: Tx, contractId: number) =>
  tx.selectFrom('connections').select(['id']).where('contract_id', '=', contractId).orderBy('id').execute();

export const connectionById = (tx: Tx, id: number) =>
  tx.selectFrom('connections').select(['id', 'customer_id', 'contract_id']).where('id', '=', id).executeTakeFirst();

export const processById = (tx: Tx, id: number) =>
  tx.selectFrom('ticket_processes').select(['id', 'active']).where('id', '=', id).executeTakeFirst();

export const classificationById = (db: Q, id: number) =>
  db.selectFrom('ticket_classifications').select(['id', 'active', 'closes_ticket']).where('id', '=', id).executeTakeFirst();

export const activeOperatorByLogin = (db: Q, login: string) =>
  db.selectFrom('operators').select(['id', 'login']).where('login', '=', login).where('active', '=', true).executeTakeFirst();

export const attendantOfOperator = async (tx: Tx, operatorId: number) =>
  (await tx.selectFrom('attendants').select('id').where('operator_id', '=', operatorId).where('active', '=', true).executeTakeFirst())?.id ?? null;

export const companyExists = async (tx: Tx, id: number) =>
  (await tx.selectFrom('companies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

export const viewerGroupExists = async (tx: Tx, id: number) =>
  (await tx.selectFrom('attendance_groups').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;

export interface NewTicket {
  company_id: number;
  customer_id: number;
  contract_id: number | null;
  connection_id: number | null;
  process_id: number;
  opening_classification_id: number;
  contact_origin_id: number | null;
  viewer_group_id: number | null;
  attendant_id: number | null;
  opened_by_operator_id: number | null;
  description: string;
  opened_at: Date;
}

/** The protocol's month is the app clock's (São Paulo); the sequence keeps it unique under concurrency. */
export const insertTicket = (tx: Tx, row: NewTicket) =>
  tx
    .insertInto('tickets')
    .values({
      ...row,
      protocol: sql<string>`to_char(${row.opened_at}::timestamptz at time zone 'America/Sao_Paulo', 'YYMM') || '.' || nextval('ticket_protocol_seq')`,
    })
    .returning(['id', 'protocol'])
    .executeTakeFirstOrThrow();

/** Locks the ticket row so a comment cannot slip in while it is being closed. */
export const ticketForUpdate = (tx: Tx, id: number) =>
  tx.selectFrom('tickets').select(['id', 'customer_id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();

export const insertComment = (tx: Tx, row: { ticket_id: number; body: string; visibility: 'private' | 'public'; operator_id: number | null; created_at: Date }) =>
  tx.insertInto('ticket_comments').values(row).returning('id').executeTakeFirstOrThrow();
