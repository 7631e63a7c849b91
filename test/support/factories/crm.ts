// Rows for the crm and outages tests: boxes with ports, leads, settings, outages with tickets/OS.
import type { Db } from '../../../src/db/database.ts';
import { addressesModule } from '../../../src/modules/addresses/index.ts';
import { authModule } from '../../../src/modules/auth/index.ts';
import { crmModule } from '../../../src/modules/crm/index.ts';
import { customersModule } from '../../../src/modules/customers/index.ts';
import type { Module } from '../../../src/modules/module.ts';
import { outagesModule } from '../../../src/modules/outages/index.ts';
import { webserviceAdminModule } from '../../../src/modules/webservice-admin/index.ts';
import { createContract, createCustomer, createWorld } from './customers.ts';

export const crmModules = (): Module[] => [authModule, webserviceAdminModule, customersModule, addressesModule, crmModule, outagesModule];

let seq = 0;
const next = () => {
  seq += 1;
  return seq;
};

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** The point `meters` away from (lat, lon) towards `bearingDeg` (0 = north, 90 = east), on the sphere. */
export function offset(lat: number, lon: number, meters: number, bearingDeg: number): { lat: number; lon: number } {
  const d = meters / EARTH_RADIUS_M;
  const b = bearingDeg * RAD;
  const p1 = lat * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = lon * RAD + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: p2 / RAD, lon: l2 / RAD };
}

/** Haversine distance in metres, written independently of the SQL. */
export function haversine(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dp = (b.lat - a.lat) * RAD;
  const dl = (b.lon - a.lon) * RAD;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** A CTO with `free` free ports (numbers 1..free) followed by `defective` unusable ones. */
export async function createBox(
  db: Db,
  companyId: number,
  at: { lat: number; lon: number },
  o: { free?: number; defective?: number; active?: boolean; kind?: 'cto' | 'ceo' } = {},
) {
  const free = o.free ?? 2;
  const defective = o.defective ?? 0;
  const box = await db
    .insertInto('network_boxes')
    .values({
      company_id: companyId,
      code: `CTO-T${process.pid}-${next()}`,
      kind: o.kind ?? 'cto',
      capacity: Math.max(1, free + defective),
      latitude: at.lat,
      longitude: at.lon,
      active: o.active ?? true,
    })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  const ports = [];
  for (let n = 1; n <= free + defective; n++) ports.push({ network_box_id: box.id, number: n, status: n <= free ? 'free' : 'defective' });
  if (ports.length > 0) await db.insertInto('network_box_ports').values(ports).execute();
  return box;
}

export async function createLead(
  db: Db,
  o: { companyId: number; customerId: number; at?: { lat: number; lon: number } | null; status?: 'open' | 'won' | 'lost' },
) {
  const status = o.status ?? 'open';
  return db
    .insertInto('leads')
    .values({
      company_id: o.companyId,
      customer_id: o.customerId,
      status,
      latitude: o.at?.lat ?? null,
      longitude: o.at?.lon ?? null,
      closed_at: status === 'open' ? null : new Date('2026-10-01T12:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function setCrmSettings(db: Db, o: { forbid?: boolean; radius?: number; days?: number }) {
  await db
    .updateTable('crm_settings')
    .set({
      ...(o.forbid !== undefined ? { forbid_api_signups: o.forbid } : {}),
      ...(o.radius !== undefined ? { viability_radius_meters: o.radius } : {}),
      ...(o.days !== undefined ? { default_reservation_days: o.days } : {}),
    })
    .where('id', '=', true)
    .execute();
}

export const freePorts = async (db: Db, boxId: number) =>
  (await db.selectFrom('network_box_ports').select('number').where('network_box_id', '=', boxId).where('status', '=', 'free').orderBy('number').execute()).map((p) => p.number);

/** Lookups a ticket and a service order need. */
export async function serviceRefs(db: Db) {
  const n = next();
  const proc = await db.insertInto('ticket_processes').values({ name: `Suporte ${process.pid}-${n}` }).returning('id').executeTakeFirstOrThrow();
  const opening = await db.insertInto('ticket_classifications').values({ description: `Sem conexão ${process.pid}-${n}` }).returning('id').executeTakeFirstOrThrow();
  const closing = await db.insertInto('ticket_classifications').values({ description: `Resolvido ${process.pid}-${n}`, closes_ticket: true }).returning('id').executeTakeFirstOrThrow();
  const type = await db.insertInto('service_order_types').values({ description: `MANUTENCAO ${process.pid}-${n}` }).returning('id').executeTakeFirstOrThrow();
  const group = await db.insertInto('service_groups').values({ name: `Rede ${process.pid}-${n}` }).returning('id').executeTakeFirstOrThrow();
  const tech = await db.insertInto('technicians').values({ name: `Técnico ${n}` }).returning(['id', 'name']).executeTakeFirstOrThrow();
  return { processId: proc.id, openingId: opening.id, closingId: closing.id, typeId: type.id, groupId: group.id, technician: tech };
}

export async function createOutage(
  db: Db,
  companyId: number,
  o: { status?: 'in_progress' | 'finished'; startedAt?: Date; title?: string } = {},
) {
  const started = o.startedAt ?? new Date('2026-11-24T12:00:00Z');
  const finished = o.status === 'finished';
  return db
    .insertInto('outage_notices')
    .values({
      company_id: companyId,
      title: o.title ?? `Rompimento de fibra ${next()}`,
      description: 'Equipe em campo.',
      cause: 'fiber_cut',
      status: o.status ?? 'in_progress',
      started_at: started,
      expected_end_at: new Date(started.getTime() + 4 * 3_600_000),
      ended_at: finished ? new Date(started.getTime() + 2 * 3_600_000) : null,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
}

/**
 * An ongoing outage affecting three connections (one blocked), a finished one, and the tickets and
 * service orders around them — open, in progress, closed, and some tied to no outage at all.
 */
export async function createOutageScene(db: Db) {
  const w = await createWorld(db);
  const refs = await serviceRefs(db);
  const people: Array<{ customer: { id: number; name: string }; contractId: number; connection: { id: number; username: string }; blocked: boolean }> = [];
  for (const blocked of [false, true, false, false]) {
    const customer = await createCustomer(db, { companyId: w.company.id, streetId: w.place.streetId });
    const contract = await createContract(db, customer, w.company.id, { connection: blocked ? 'blocked' : 'unblocked' });
    const conn = await db.selectFrom('connections').select(['id', 'username']).where('contract_id', '=', contract.id).executeTakeFirstOrThrow();
    people.push({ customer, contractId: contract.id, connection: conn, blocked });
  }
  const ongoing = await createOutage(db, w.company.id, { startedAt: new Date('2026-11-24T12:00:00Z') });
  const older = await createOutage(db, w.company.id, { startedAt: new Date('2026-11-20T12:00:00Z') });
  const finished = await createOutage(db, w.company.id, { status: 'finished', startedAt: new Date('2026-11-01T12:00:00Z') });
  await db
    .insertInto('outage_affected_connections')
    .values(people.slice(0, 3).map((p) => ({ outage_notice_id: ongoing.id, connection_id: p.connection.id })))
    .execute();
  await db.insertInto('outage_affected_connections').values({ outage_notice_id: finished.id, connection_id: people[3]!.connection.id }).execute();

  const ticket = (p: (typeof people)[number], status: 'open' | 'in_progress' | 'closed', outageId: number | null, minutes: number) =>
    db
      .insertInto('tickets')
      .values({
        company_id: w.company.id, customer_id: p.customer.id, contract_id: p.contractId, connection_id: p.connection.id,
        process_id: refs.processId, opening_classification_id: refs.openingId,
        closing_classification_id: status === 'closed' ? refs.closingId : null, outage_notice_id: outageId, status,
        description: `Cliente sem conexão (${status})`, opened_at: new Date(Date.parse('2026-11-24T12:00:00Z') + minutes * 60_000),
        closed_at: status === 'closed' ? new Date('2026-11-24T18:00:00Z') : null,
      })
      .returning(['id', 'protocol'])
      .executeTakeFirstOrThrow();
  const tickets = {
    open: await ticket(people[0]!, 'open', ongoing.id, 30),
    inProgress: await ticket(people[1]!, 'in_progress', ongoing.id, 10),
    closed: await ticket(people[2]!, 'closed', ongoing.id, 20),
    unrelated: await ticket(people[2]!, 'open', null, 40),
  };

  const order = (p: (typeof people)[number], status: 'open' | 'scheduled' | 'in_progress' | 'closed' | 'cancelled', outageId: number | null, minutes: number) => {
    const openedAt = new Date(Date.parse('2026-11-24T12:00:00Z') + minutes * 60_000);
    return db
      .insertInto('service_orders')
      .values({
        company_id: w.company.id, customer_id: p.customer.id, contract_id: p.contractId, connection_id: p.connection.id,
        outage_notice_id: outageId, service_order_type_id: refs.typeId, service_group_id: refs.groupId,
        technician_id: refs.technician.id, category: 'network', status, reported_problem: `Fibra rompida (${status})`,
        opened_at: openedAt, scheduled_for: status === 'scheduled' ? new Date('2026-11-25T13:00:00Z') : null,
        closed_at: status === 'closed' || status === 'cancelled' ? new Date('2026-11-24T20:00:00Z') : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  };
  const orders = {
    inProgress: await order(people[0]!, 'in_progress', ongoing.id, 5),
    scheduled: await order(people[1]!, 'scheduled', ongoing.id, 15),
    open: await order(people[2]!, 'open', ongoing.id, 25),
    closed: await order(people[0]!, 'closed', ongoing.id, 35),
    cancelled: await order(people[1]!, 'cancelled', ongoing.id, 45),
    unrelated: await order(people[2]!, 'open', null, 50),
  };
  return { w, refs, people, ongoing, older, finished, tickets, orders };
}
