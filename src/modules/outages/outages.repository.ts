import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export type OutageStatus = 'in_progress' | 'finished';

export const listOutages = (db: Db, status: OutageStatus) =>
  db
    .selectFrom('outage_notices as o')
    .select((eb) => [
      'o.id',
      'o.title',
      'o.description',
      'o.cause',
      'o.status',
      'o.started_at',
      'o.expected_end_at',
      'o.ended_at',
      'o.server_id',
      'o.access_point_id',
      'o.network_box_id',
      eb
        .selectFrom('outage_affected_connections as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.outage_notice_id', '=', 'o.id')
        .as('affected'),
    ])
    .where('o.status', '=', status)
    .orderBy('o.started_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute();

export const outageExists = async (db: Db, id: number) =>
  (await db.selectFrom('outage_notices').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

export const affectedConnections = (db: Db, outageId: number) =>
  db
    .selectFrom('outage_affected_connections as a')
    .innerJoin('connections as c', 'c.id', 'a.connection_id')
    .innerJoin('customers as p', 'p.id', 'c.customer_id')
    .select(['c.id', 'c.username', 'c.contract_id', 'c.blocked', 'p.id as customer_id', 'p.name as customer_name'])
    .where('a.outage_notice_id', '=', outageId)
    .orderBy('c.id')
    .execute();

export const openServiceOrders = (db: Db, outageId: number) =>
  db
    .selectFrom('service_orders as s')
    .innerJoin('customers as p', 'p.id', 's.customer_id')
    .innerJoin('service_order_types as t', 't.id', 's.service_order_type_id')
    .innerJoin('technicians as te', 'te.id', 's.technician_id')
    .select([
      's.id',
      's.status',
      's.category',
      's.connection_id',
      's.contract_id',
      's.opened_at',
      's.scheduled_for',
      's.reported_problem',
      'p.id as customer_id',
      'p.name as customer_name',
      't.description as type',
      'te.name as technician',
    ])
    .where('s.outage_notice_id', '=', outageId)
    .where('s.status', 'in', ['open', 'scheduled', 'in_progress'])
    .orderBy('s.opened_at')
    .orderBy('s.id')
    .execute();

export const openTickets = (db: Db, outageId: number) =>
  db
    .selectFrom('tickets as t')
    .innerJoin('customers as p', 'p.id', 't.customer_id')
    .select([
      't.id',
      't.protocol',
      't.status',
      't.connection_id',
      't.contract_id',
      't.opened_at',
      't.description',
      'p.id as customer_id',
      'p.name as customer_name',
    ])
    .where('t.outage_notice_id', '=', outageId)
    .where('t.status', '<>', 'closed')
    .orderBy('t.opened_at')
    .orderBy('t.id')
    .execute();
