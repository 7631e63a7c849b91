import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { ServiceOrdersTable } from '../../db/types.ts';

type Q = Db | Tx;

export const activeTypes = (db: Q) =>
  db.selectFrom('service_order_types').select(['id', 'description']).where('active', '=', true).orderBy('id').execute();

export const activeGroups = (db: Q) =>
  db.selectFrom('service_groups').select(['id', 'name']).where('active', '=', true).orderBy('id').execute();

export const technicians = (db: Q, onlyActive: boolean) => {
  let q = db.selectFrom('technicians').select(['id', 'name', 'email', 'phone', 'document', 'active']);
  if (onlyActive) q = q.where('active', '=', true);
  return q.orderBy('id').execute();
};

export const activeTeams = (db: Q) =>
  db.selectFrom('teams').select(['id', 'name', 'leader_technician_id']).where('active', '=', true).orderBy('id').execute();

export const teamMembers = (db: Q) =>
  db
    .selectFrom('team_members as m')
    .innerJoin('technicians as t', 't.id', 'm.technician_id')
    .select(['m.team_id', 't.id', 't.name'])
    .orderBy('m.team_id')
    .orderBy('t.id')
    .execute();

/** One OS with what every reader shows; the address is the OS's own or else the customer's. */
export const orderDetails = (db: Q) =>
  db
    .selectFrom('service_orders as so')
    .innerJoin('customers as c', 'c.id', 'so.customer_id')
    .innerJoin('service_order_types as ty', 'ty.id', 'so.service_order_type_id')
    .innerJoin('technicians as te', 'te.id', 'so.technician_id')
    .leftJoin('tickets as tk', 'tk.id', 'so.ticket_id')
    .innerJoin('streets as s', (j) => j.on(sql<boolean>`s.id = coalesce(so.street_id, c.street_id)`))
    .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
    .innerJoin('cities as ci', 'ci.id', 'n.city_id')
    .innerJoin('states as st', 'st.id', 'ci.state_id')
    .select([
      'so.id',
      'so.company_id',
      'so.customer_id',
      'c.name as customer_name',
      'so.contract_id',
      'so.connection_id',
      'so.ticket_id',
      'tk.protocol as ticket_protocol',
      'so.service_order_type_id',
      'ty.description as type_description',
      'so.service_group_id',
      'so.technician_id',
      'te.name as technician_name',
      'so.team_id',
      'so.category',
      'so.status',
      'so.reported_problem',
      'so.found_problem',
      'so.indications',
      'so.service_performed',
      'so.closing_classification_id',
      'so.opened_at',
      'so.scheduled_for',
      'so.closed_at',
      'so.condominium_id',
      's.id as street_id',
      's.name as street_name',
      sql<string>`coalesce(case when so.street_id is null then c.address_number else so.address_number end, '')`.as('address_number'),
      sql<string | null>`case when so.street_id is null then c.address_complement else so.address_complement end`.as('address_complement'),
      sql<string>`coalesce(case when so.street_id is null then c.cep else so.cep end, s.cep)`.as('cep'),
      'n.name as neighbourhood_name',
      'ci.name as city_name',
      'st.abbreviation as state_abbreviation',
    ]);

export type OrderRow = Awaited<ReturnType<ReturnType<typeof orderDetails>['executeTakeFirstOrThrow']>>;

export const orderById = (db: Q, id: number) => orderDetails(db).where('so.id', '=', id).executeTakeFirst();

export const ordersOfCustomer = (db: Q, customerId: number) =>
  orderDetails(db).where('so.customer_id', '=', customerId).orderBy('so.opened_at', 'desc').orderBy('so.id', 'desc').execute();

/** OS opened on a São Paulo day, optionally one technician's or one customer's, by scheduled time (unscheduled last). */
export function schedule(db: Q, day: string, technicianId?: number, customerId?: number) {
  let q = orderDetails(db)
    .where('so.opened_at', '>=', sql<Date>`(${day}::date)::timestamp at time zone 'America/Sao_Paulo'`)
    .where('so.opened_at', '<', sql<Date>`(${day}::date + 1)::timestamp at time zone 'America/Sao_Paulo'`);
  if (technicianId !== undefined) q = q.where('so.technician_id', '=', technicianId);
  if (customerId !== undefined) q = q.where('so.customer_id', '=', customerId);
  return q.orderBy(sql`so.scheduled_for asc nulls last`).orderBy('so.id').execute();
}

export const customerExists = async (db: Q, id: number) =>
  (await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

export const customerForOrder = (tx: Tx, id: number) =>
  tx.selectFrom('customers').select(['id', 'company_id']).where('id', '=', id).executeTakeFirst();

export const connectionById = (tx: Tx, id: number) =>
  tx.selectFrom('connections').select(['id', 'customer_id', 'contract_id']).where('id', '=', id).executeTakeFirst();

export const contractById = (tx: Tx, id: number) =>
  tx.selectFrom('contracts').select(['id', 'customer_id', 'company_id']).where('id', '=', id).executeTakeFirst();

export const activeTypeExists = async (db: Q, id: number) =>
  (await db.selectFrom('service_order_types').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;

export const activeGroupExists = async (tx: Tx, id: number) =>
  (await tx.selectFrom('service_groups').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;

export const activeTechnicianExists = async (tx: Tx, id: number) =>
  (await tx.selectFrom('technicians').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst()) !== undefined;

export const teamOfTechnician = async (tx: Tx, technicianId: number) =>
  (await tx.selectFrom('team_members').select('team_id').where('technician_id', '=', technicianId).orderBy('team_id').executeTakeFirst())?.team_id ??
  null;

export const ticketById = (tx: Tx, id: number) =>
  tx.selectFrom('tickets').select(['id', 'customer_id', 'status']).where('id', '=', id).executeTakeFirst();

export const ticketForUpdate = (tx: Tx, id: number) =>
  tx.selectFrom('tickets').select(['id', 'customer_id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();

export const companyByShortName = (tx: Tx, name: string) =>
  tx.selectFrom('companies').select('id').where('short_name', '=', name).executeTakeFirst();

export const activeCondominium = (tx: Tx, id: number) =>
  tx.selectFrom('condominiums').select(['id', 'street_id', 'address_number', 'cep']).where('id', '=', id).where('active', '=', true).executeTakeFirst();

export const streetChain = (tx: Tx, streetId: number) =>
  tx
    .selectFrom('streets as s')
    .innerJoin('neighbourhoods as n', 'n.id', 's.neighbourhood_id')
    .select(['s.id', 's.cep', 'n.id as neighbourhood_id', 'n.city_id'])
    .where('s.id', '=', streetId)
    .executeTakeFirst();

export const neighbourhoodById = (tx: Tx, id: number) =>
  tx.selectFrom('neighbourhoods').select(['id', 'city_id']).where('id', '=', id).executeTakeFirst();

export const cityExists = async (tx: Tx, id: number) =>
  (await tx.selectFrom('cities').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

export const insertOrder = async (tx: Tx, row: Insertable<ServiceOrdersTable>) =>
  (await tx.insertInto('service_orders').values(row).returning('id').executeTakeFirstOrThrow()).id;

/** Locks the OS: two closings of one OS serialise here and the second sees it closed. */
export const orderForUpdate = (tx: Tx, id: number) =>
  tx.selectFrom('service_orders').select(['id', 'customer_id', 'status', 'ticket_id', 'opened_at']).where('id', '=', id).forUpdate().executeTakeFirst();

export const updateOrder = (tx: Tx, id: number, changes: Updateable<ServiceOrdersTable>) =>
  tx.updateTable('service_orders').set(changes).where('id', '=', id).execute();

export const closeTicket = (tx: Tx, id: number, classificationId: number, operatorId: number, at: Date) =>
  tx
    .updateTable('tickets')
    .set({ status: 'closed', closing_classification_id: classificationId, closed_by_operator_id: operatorId, closed_at: at })
    .where('id', '=', id)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
