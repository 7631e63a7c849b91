import { addDays } from '../../../lib/dates.ts';
import type { ConnectionRef } from './connections.ts';
import type { CustomerDraft } from './customers.ts';
import { LEAD_TEXTS } from './data-people.ts';
import { round6 } from './seed-places.ts';
import type { SeedContext } from './world.ts';
import { businessInstant } from './world.ts';

const PORTS_USED_PER_BOX = 12;
const BOX_CAPACITY = 16;

interface PortDraft {
  id: number;
  number: number;
  connectionId: number | null;
  status: 'free' | 'reserved' | 'used' | 'defective';
}

interface BoxRef {
  id: number;
  latitude: number;
  longitude: number;
  ports: PortDraft[];
}

export interface LeadDraft {
  customer: CustomerDraft;
  status: 'open' | 'won' | 'lost';
  on: string;
}

/** Decides whether a customer comes with a CRM lead (every pre-registration does). */
export function draftLead(ctx: SeedContext, c: CustomerDraft): LeadDraft | null {
  const { r } = ctx;
  if (c.personType === 'pre_registration') return { customer: c, status: r.chance(0.85) ? 'open' : 'lost', on: c.createdOn };
  if (r.chance(0.03)) return { customer: c, status: 'won', on: addDays(c.createdOn, -r.int(1, 20)) };
  return null;
}

/**
 * CTOs next to the customers: the live fibre connections of each neighbourhood fill boxes of 16
 * ports, 12 at a time, leaving free ports; open leads reserve a free port in the nearest box.
 */
export function emitBoxesAndLeads(ctx: SeedContext, connections: ConnectionRef[], leads: LeadDraft[]): void {
  const { r, batch, ids } = ctx;
  const byNeighbourhood = new Map<number, ConnectionRef[]>();
  for (const conn of connections) {
    if (!conn.ftth || !conn.live) continue;
    const list = byNeighbourhood.get(conn.street.neighbourhoodId);
    if (list) list.push(conn);
    else byNeighbourhood.set(conn.street.neighbourhoodId, [conn]);
  }
  const boxes: BoxRef[] = [];
  for (const list of byNeighbourhood.values()) {
    for (let i = 0; i < list.length; i += PORTS_USED_PER_BOX) {
      const group = list.slice(i, i + PORTS_USED_PER_BOX);
      const first = group[0] as ConnectionRef;
      const id = ids.next('network_boxes');
      const lat = round6(group.reduce((s, c) => s + c.latitude, 0) / group.length + (r.next() - 0.5) * 0.0004);
      const lon = round6(group.reduce((s, c) => s + c.longitude, 0) / group.length + (r.next() - 0.5) * 0.0004);
      batch.add('network_boxes', {
        id, company_id: first.companyId, access_point_id: first.accessPointId, code: `CTO-${String(id).padStart(5, '0')}`,
        kind: 'cto', capacity: BOX_CAPACITY, splitter: `1x${BOX_CAPACITY}`, latitude: lat, longitude: lon,
        street_id: first.street.id, address_reference: r.chance(0.3) ? `Poste em frente ao nº ${r.int(1, 999)}` : null,
        active: true, created_at: businessInstant(r, addDays(ctx.today, -r.int(200, 1500))),
      });
      const ports: PortDraft[] = [];
      for (let number = 1; number <= BOX_CAPACITY; number++) {
        const conn = group[number - 1];
        const status = conn ? 'used' : r.chance(0.03) ? 'defective' : 'free';
        ports.push({ id: ids.next('network_box_ports'), number, connectionId: conn?.id ?? null, status });
      }
      boxes.push({ id, latitude: lat, longitude: lon, ports });
    }
  }
  // Leads first, so the ports they reserve are written as reserved.
  for (const lead of leads) emitLead(ctx, lead, boxes);
  for (const box of boxes) {
    for (const port of box.ports) {
      batch.add('network_box_ports', {
        id: port.id, network_box_id: box.id, number: port.number, connection_id: port.connectionId, status: port.status,
      });
    }
  }
}

function emitLead(ctx: SeedContext, lead: LeadDraft, boxes: BoxRef[]): void {
  const { r, batch, ids } = ctx;
  const c = lead.customer;
  const id = ids.next('leads');
  const created = businessInstant(r, lead.on);
  const closed = lead.status === 'open' ? null : businessInstant(r, addDays(lead.on, r.int(1, 15)));
  batch.add('leads', {
    id, company_id: c.company.id, customer_id: c.id,
    crm_product_id: r.chance(0.3) ? r.pick(c.company.crmProducts).id : null,
    sales_consultant_id: r.chance(0.6) ? r.pick(c.company.salesConsultantIds) : null, status: lead.status,
    info: r.pick(LEAD_TEXTS), latitude: c.latitude, longitude: c.longitude,
    created_at: created, updated_at: closed ?? created, closed_at: closed,
  });
  if (lead.status !== 'open' || !r.chance(0.6)) return;
  let best: PortDraft | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const box of boxes) {
    const free = box.ports.find((p) => p.status === 'free');
    if (!free) continue;
    const d = (box.latitude - c.latitude) ** 2 + (box.longitude - c.longitude) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = free;
    }
  }
  if (!best) return;
  best.status = 'reserved';
  const reserved = new Date(ctx.now.getTime() - r.int(1, 72) * 3_600_000);
  batch.add('port_reservations', {
    id: ids.next('port_reservations'), network_box_port_id: best.id, lead_id: id, reserved_at: reserved,
    expires_at: new Date(reserved.getTime() + 7 * 86_400_000), status: 'active', ended_at: null,
  });
}
