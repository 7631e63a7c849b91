import { todayInSaoPaulo } from '../../../lib/dates.ts';
import type { ConnectionRef } from './connections.ts';
import { TICKET_TEXTS } from './data-people.ts';
import type { SeedContext, World } from './world.ts';

const HOUR = 3_600_000;
const MAX_AFFECTED = 400;

/** Keeps, per access point, a bounded sample of live connections for the outage notices. */
export class ConnectionsByAccessPoint {
  readonly byAccessPoint = new Map<number, ConnectionRef[]>();
  add(conn: ConnectionRef): void {
    if (!conn.live) return;
    const list = this.byAccessPoint.get(conn.accessPointId);
    if (!list) this.byAccessPoint.set(conn.accessPointId, [conn]);
    else if (list.length < MAX_AFFECTED) list.push(conn);
  }
}

/**
 * One outage in progress (a fibre cut on the OLT of the second city) and two finished ones,
 * with their affected connections, the tickets customers opened about it and an open OS.
 */
export function emitOutages(ctx: SeedContext, world: World, sample: ConnectionsByAccessPoint): void {
  const { r, batch, ids } = ctx;
  const specs = [
    { city: 1, title: 'Rompimento de fibra no backbone', cause: 'fiber_cut', startHoursAgo: r.int(1, 3), hours: null },
    { city: 2, title: 'Queda de energia no POP', cause: 'power', startHoursAgo: 24 * r.int(15, 25), hours: 4 },
    { city: 4, title: 'Manutenção programada na OLT', cause: 'maintenance', startHoursAgo: 24 * r.int(40, 70), hours: 2 },
  ] as const;
  for (const spec of specs) {
    const city = world.cities[spec.city] ?? world.cities[0];
    if (!city) continue;
    const id = ids.next('outage_notices');
    const started = new Date(ctx.now.getTime() - spec.startHoursAgo * HOUR);
    const ended = spec.hours === null ? null : new Date(started.getTime() + spec.hours * HOUR);
    const company = world.companies[city.spec.company] ?? world.companies[0];
    batch.add('outage_notices', {
      id, company_id: company?.id ?? 1, title: `${spec.title} - ${city.spec.name}`,
      description: ended
        ? 'Serviço normalizado. Pedimos desculpas pelo transtorno.'
        : 'Equipe técnica em campo realizando a fusão da fibra. Previsão de normalização em até 4 horas.',
      cause: spec.cause, status: ended ? 'finished' : 'in_progress', started_at: started,
      expected_end_at: new Date(started.getTime() + 4 * HOUR), ended_at: ended, server_id: city.olt.serverId,
      access_point_id: city.olt.id, network_box_id: null, created_by_operator_id: ctx.operatorIds[0] ?? null,
      created_at: started,
    });
    const affected = sample.byAccessPoint.get(city.olt.id) ?? [];
    for (const conn of affected) {
      batch.add('outage_affected_connections', { outage_notice_id: id, connection_id: conn.id });
    }
    // Some affected customers call in: tickets tied to the outage, and one OS per outage.
    const callers = affected.filter(() => r.chance(0.08));
    for (const conn of callers) {
      const opened = new Date(started.getTime() + r.int(5, 90) * 60_000);
      const ticketId = ids.next('tickets');
      const day = todayInSaoPaulo(opened);
      batch.add('tickets', {
        id: ticketId, company_id: conn.companyId, protocol: `${day.slice(2, 4)}${day.slice(5, 7)}.${20_000 + ticketId}`,
        customer_id: conn.customerId, contract_id: conn.contractId, connection_id: conn.id,
        process_id: world.ticketProcessIds[0] as number, opening_classification_id: world.ticketClassifications.opening[0] as number,
        closing_classification_id: ended ? (world.ticketClassifications.closing[0] ?? null) : null, contact_origin_id: 9,
        viewer_group_id: null, attendant_id: r.pick(world.attendantIds), opened_by_operator_id: null, outage_notice_id: id,
        status: ended ? 'closed' : 'open', description: TICKET_TEXTS[1] ?? 'Cliente sem conexão.', opened_at: opened,
        closed_at: ended ? new Date(ended.getTime() + 30 * 60_000) : null, closed_by_operator_id: null,
      });
    }
    const first = affected[0];
    if (first) {
      batch.add('service_orders', {
        id: ids.next('service_orders'), company_id: first.companyId, customer_id: first.customerId,
        contract_id: first.contractId, connection_id: first.id, ticket_id: null, outage_notice_id: id,
        service_order_type_id: world.serviceOrderTypes.maintenance, service_group_id: world.serviceGroupIds[1] as number,
        technician_id: world.technicianIds[0] as number, team_id: world.teamIds[0] ?? null, category: 'network',
        status: ended ? 'closed' : 'in_progress', reported_problem: `${spec.title} afetando ${affected.length} conexões.`,
        found_problem: ended ? 'Causa identificada e corrigida.' : null, indications: 'Levar máquina de fusão e OTDR.',
        service_performed: ended ? 'Rede restabelecida.' : null, closing_classification_id: ended ? (world.ticketClassifications.closing[0] ?? null) : null,
        opened_at: started, opened_by_operator_id: null, scheduled_for: null, closed_at: ended,
        closed_by_operator_id: null, street_id: null, address_number: null, address_complement: null, cep: null,
        condominium_id: null, created_at: started, updated_at: ended ?? started,
      });
    }
  }
}
