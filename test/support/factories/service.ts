// Rows for the tickets and service-order tests, inserted straight with Kysely (no demo seed).
import type { Db } from '../../../src/db/database.ts';
import { authModule } from '../../../src/modules/auth/index.ts';
import { customersModule } from '../../../src/modules/customers/index.ts';
import type { Module } from '../../../src/modules/module.ts';
import { serviceOrdersModule } from '../../../src/modules/service-orders/index.ts';
import { ticketsModule } from '../../../src/modules/tickets/index.ts';
import { createContract, createCustomer, createWorld } from './customers.ts';

export const serviceModules = (): Module[] => [authModule, customersModule, ticketsModule, serviceOrdersModule];

let seq = 0;
const next = () => ++seq;

const insertId = async (db: Db, table: 'ticket_classifications' | 'service_order_types' | 'service_groups', values: Record<string, unknown>) =>
  // biome-ignore lint/suspicious/noExplicitAny: one helper for three lookup tables
  (await db.insertInto(table).values(values as any).returning('id').executeTakeFirstOrThrow()).id;

export async function createOperator(db: Db, o: { active?: boolean } = {}) {
  const n = next();
  return db
    .insertInto('operators')
    .values({ login: `tecnico.${process.pid}.${n}`, name: `Operador ${n}`, password_hash: 'x', active: o.active ?? true })
    .returning(['id', 'login'])
    .executeTakeFirstOrThrow();
}

/** Lookups of both modules (active and inactive variants), a company, an operator with its attendant. */
export async function createServiceWorld(db: Db) {
  const n = next();
  const base = await createWorld(db);
  const openClass = await insertId(db, 'ticket_classifications', { description: `SEM CONEXÃO ${n}`, closes_ticket: false });
  const closingClass = await insertId(db, 'ticket_classifications', { description: `RESOLVIDO ${n}`, closes_ticket: true });
  const inactiveClass = await insertId(db, 'ticket_classifications', { description: `ANTIGA ${n}`, active: false });
  const proc = async (name: string, parent: number | null, active = true) =>
    (await db.insertInto('ticket_processes').values({ name, parent_id: parent, active }).returning('id').executeTakeFirstOrThrow()).id;
  const rootProcess = await proc(`SUPORTE TÉCNICO ${n}`, null);
  const childProcess = await proc('TECNICO-SEM-CONEXAO', rootProcess);
  const inactiveProcess = await proc(`DESATIVADO ${n}`, null, false);
  const installType = await insertId(db, 'service_order_types', { description: `INSTALAÇÃO ${n}` });
  const maintenanceType = await insertId(db, 'service_order_types', { description: `MANUTENÇÃO ${n}` });
  const inactiveType = await insertId(db, 'service_order_types', { description: `ANTIGO ${n}`, active: false });
  const group = await insertId(db, 'service_groups', { name: `EQUIPE FIBRA ${n}` });
  const inactiveGroup = await insertId(db, 'service_groups', { name: `EQUIPE EXTINTA ${n}`, active: false });
  const tech = async (name: string, active = true) =>
    (await db.insertInto('technicians').values({ name, active, email: `t${n}@example.com`, phone: '43999990000' }).returning('id').executeTakeFirstOrThrow()).id;
  const technician = await tech('ANDERSON LIMA');
  const otherTechnician = await tech('EDSON BATISTA');
  const inactiveTechnician = await tech('JORGE TAVARES', false);
  const team = (
    await db.insertInto('teams').values({ name: `EQUIPE ALFA ${n}`, leader_technician_id: technician }).returning('id').executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('team_members').values([{ team_id: team, technician_id: technician }, { team_id: team, technician_id: otherTechnician }]).execute();
  const operator = await createOperator(db);
  const attendant = (
    await db.insertInto('attendants').values({ name: 'CAMILA ROCHA', operator_id: operator.id, email: 'camila@example.com' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  return {
    ...base,
    openClass, closingClass, inactiveClass, rootProcess, childProcess, inactiveProcess,
    installType, maintenanceType, inactiveType, group, inactiveGroup, technician, otherTechnician, inactiveTechnician,
    team, operator, attendant,
  };
}

export type ServiceWorld = Awaited<ReturnType<typeof createServiceWorld>>;

/** A customer with one contract holding `connections` connections (0, 1 or 2). */
export async function createSubscriber(db: Db, w: ServiceWorld, o: { connections?: 0 | 1 | 2; status?: 'active' | 'inactive' } = {}) {
  const customer = await createCustomer(db, { companyId: w.company.id, streetId: w.place.streetId, status: o.status ?? 'active' });
  const count = o.connections ?? 1;
  const contract = await createContract(db, customer, w.company.id, { connection: count === 0 ? 'none' : 'unblocked' });
  if (count === 2) {
    const first = await db.selectFrom('connections').selectAll().where('contract_id', '=', contract.id).executeTakeFirstOrThrow();
    const { id: _id, created_at: _c, updated_at: _u, ...rest } = first as typeof first & { updated_at?: unknown };
    await db.insertInto('connections').values({ ...rest, username: `${first.username}b` }).execute();
  }
  const connections = (await db.selectFrom('connections').select('id').where('contract_id', '=', contract.id).orderBy('id').execute()).map((c) => c.id);
  return { customer, contract, connections };
}

/** An open ticket of the customer, opened at `openedAt` (default: 1 h before the test clock's start). */
export async function createTicket(
  db: Db,
  w: ServiceWorld,
  customerId: number,
  o: { status?: 'open' | 'closed'; openedAt?: Date; attendantId?: number | null; contractId?: number | null } = {},
) {
  const openedAt = o.openedAt ?? new Date('2026-11-24T14:00:00Z');
  const closed = o.status === 'closed';
  return db
    .insertInto('tickets')
    .values({
      company_id: w.company.id,
      customer_id: customerId,
      contract_id: o.contractId ?? null,
      process_id: w.rootProcess,
      opening_classification_id: w.openClass,
      closing_classification_id: closed ? w.closingClass : null,
      attendant_id: o.attendantId === undefined ? w.attendant : o.attendantId,
      status: closed ? 'closed' : 'open',
      description: 'Cliente sem conexão',
      opened_at: openedAt,
      closed_at: closed ? new Date(openedAt.getTime() + 3_600_000) : null,
    })
    .returning(['id', 'protocol'])
    .executeTakeFirstOrThrow();
}

export async function createOrder(
  db: Db,
  w: ServiceWorld,
  customerId: number,
  o: { openedAt?: Date; scheduledFor?: Date | null; technicianId?: number; ticketId?: number | null; status?: 'open' | 'scheduled' | 'closed'; problem?: string } = {},
) {
  const openedAt = o.openedAt ?? new Date('2026-11-24T13:00:00Z');
  const status = o.status ?? (o.scheduledFor ? 'scheduled' : 'open');
  return db
    .insertInto('service_orders')
    .values({
      company_id: w.company.id,
      customer_id: customerId,
      ticket_id: o.ticketId ?? null,
      service_order_type_id: w.maintenanceType,
      service_group_id: w.group,
      technician_id: o.technicianId ?? w.technician,
      status,
      reported_problem: o.problem ?? 'Sem sinal na ONU',
      opened_at: openedAt,
      scheduled_for: o.scheduledFor ?? null,
      closed_at: status === 'closed' ? new Date(openedAt.getTime() + 3_600_000) : null,
      created_at: openedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
