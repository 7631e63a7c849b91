import { addDays, compareIsoDates, daysBetween, todayInSaoPaulo } from '../../../lib/dates.ts';
import { formatLinhaDigitavel } from '../../../lib/boleto.ts';
import { formatBrl } from '../../../lib/money.ts';
import type { ConnectionRef } from './connections.ts';
import type { ContractDraft } from './contracts.ts';
import type { CustomerDraft } from './customers.ts';
import { COMMENT_TEXTS, SERVICE_ORDER_PROBLEMS, TICKET_TEXTS } from './data-people.ts';
import type { InvoiceDraft } from './invoices.ts';
import type { SeedContext, World } from './world.ts';
import { businessInstant } from './world.ts';

const BRANDS: readonly [string, string][] = [['visa', '4'], ['mastercard', '5'], ['elo', '6']];
const HEX = '0123456789abcdef';
const HOUR = 3_600_000;

/** A tokenised card (and its registration attempts) for a customer paying by card. */
export function emitCard(ctx: SeedContext, c: CustomerDraft, since: string): number | null {
  const { r, batch, ids } = ctx;
  if (!c.document) return null;
  const [brand, prefix] = r.pick(BRANDS);
  const id = ids.next('credit_cards');
  const created = businessInstant(r, since);
  const first6 = `${prefix}${r.digits(5)}`;
  const last4 = r.digits(4);
  if (r.chance(0.3)) {
    batch.add('credit_card_attempts', {
      id: ids.next('credit_card_attempts'), customer_id: c.id, credit_card_id: null,
      attempted_at: new Date(created.getTime() - r.int(5, 60) * 60_000), outcome: 'refused',
      first6: `${prefix}${r.digits(5)}`, last4: r.digits(4), message: 'Transação não autorizada pelo emissor.', client_ip: null,
    });
  }
  batch.add('credit_cards', {
    id, customer_id: c.id, holder_name: c.name.slice(0, 100), holder_document: c.document,
    brand, first6, last4, expiry_month: r.int(1, 12), expiry_year: Number(ctx.today.slice(0, 4)) + r.int(1, 6),
    vault_token: `tok_${r.chars(32, HEX)}`, active: true, recurring: true, created_at: created, deactivated_at: null,
  });
  batch.add('credit_card_attempts', {
    id: ids.next('credit_card_attempts'), customer_id: c.id, credit_card_id: id, attempted_at: created,
    outcome: 'accepted', first6, last4, message: null, client_ip: null,
  });
  return id;
}

function protocolOf(opened: Date, ticketId: number): string {
  const day = todayInSaoPaulo(opened);
  return `${day.slice(2, 4)}${day.slice(5, 7)}.${20_000 + ticketId}`;
}

export interface TicketInput {
  customer: CustomerDraft;
  contract: ContractDraft | null;
  connection: ConnectionRef | null;
  opened: Date;
  open: boolean;
  text: string;
  classificationIndex: number;
  outageId: number | null;
}

/** One ticket with its comments; returns its id. */
export function emitTicket(ctx: SeedContext, world: World, t: TicketInput): number {
  const { r, batch, ids } = ctx;
  const id = ids.next('tickets');
  const inProgress = t.open && r.chance(0.4);
  const closed = t.open ? null : new Date(t.opened.getTime() + r.int(1, 72) * HOUR);
  const operator = ctx.operatorIds.length > 0 ? r.pick(ctx.operatorIds) : null;
  batch.add('tickets', {
    id, company_id: t.customer.company.id, protocol: protocolOf(t.opened, id), customer_id: t.customer.id,
    contract_id: t.contract?.id ?? null, connection_id: t.connection?.id ?? null, process_id: r.pick(world.ticketProcessIds),
    opening_classification_id: world.ticketClassifications.opening[t.classificationIndex] ?? world.ticketClassifications.opening[0] as number,
    closing_classification_id: closed ? r.pick(world.ticketClassifications.closing) : null,
    contact_origin_id: r.pick([9, 9, 9, 6, 6, 4, 3, 1, 13]), viewer_group_id: r.chance(0.2) ? r.pick(world.attendanceGroupIds) : null,
    attendant_id: r.pick(world.attendantIds), opened_by_operator_id: operator, outage_notice_id: t.outageId,
    status: closed ? 'closed' : inProgress ? 'in_progress' : 'open', description: t.text,
    opened_at: t.opened, closed_at: closed, closed_by_operator_id: closed ? operator : null,
  });
  const end = closed ?? ctx.now;
  const comments = r.int(1, 3);
  for (let i = 0; i < comments; i++) {
    const at = new Date(t.opened.getTime() + ((end.getTime() - t.opened.getTime()) * (i + 1)) / (comments + 1));
    batch.add('ticket_comments', {
      id: ids.next('ticket_comments'), ticket_id: id, body: r.pick(COMMENT_TEXTS),
      visibility: r.chance(0.7) ? 'private' : 'public', operator_id: operator, created_at: at,
    });
  }
  return id;
}

function serviceGroupFor(world: World, c: CustomerDraft, wireless: boolean): number {
  const [londrina, region, radio, ourinhos] = world.serviceGroupIds as [number, number, number, number];
  if (c.city.spec.company === 1) return ourinhos;
  if (wireless) return radio;
  return c.city === world.cities[0] ? londrina : region;
}

interface OrderInput {
  typeId: number;
  opened: Date;
  status: 'open' | 'scheduled' | 'in_progress' | 'closed';
  ticketId: number | null;
  problemIndex: number;
  outageId?: number | null;
}

export function emitServiceOrder(
  ctx: SeedContext, world: World, c: CustomerDraft, k: ContractDraft | null, conn: ConnectionRef | null, o: OrderInput,
): void {
  const { r, batch, ids } = ctx;
  const text = SERVICE_ORDER_PROBLEMS[o.problemIndex] ?? SERVICE_ORDER_PROBLEMS[0];
  if (!text) return;
  const closed = o.status === 'closed' ? new Date(o.opened.getTime() + r.int(4, 96) * HOUR) : null;
  const scheduled = o.status === 'scheduled' || closed
    ? new Date((closed ?? new Date(ctx.now.getTime() + r.int(1, 7) * 24 * HOUR)).getTime() - 2 * HOUR)
    : null;
  const technicianIndex = c.city.spec.company === 1 ? r.int(6, 7) : r.int(0, 5);
  const operator = ctx.operatorIds.length > 0 ? r.pick(ctx.operatorIds) : null;
  batch.add('service_orders', {
    id: ids.next('service_orders'), company_id: c.company.id, customer_id: c.id, contract_id: k?.id ?? null,
    connection_id: conn?.id ?? null, ticket_id: o.ticketId, outage_notice_id: o.outageId ?? null,
    service_order_type_id: o.typeId,
    service_group_id: serviceGroupFor(world, c, k?.internetPlan?.technology === 'wireless'),
    technician_id: world.technicianIds[technicianIndex] as number,
    team_id: world.teamIds[c.city.spec.company === 1 ? 2 : technicianIndex < 3 ? 0 : 1] ?? null,
    category: 'customer', status: o.status, reported_problem: text.problem,
    found_problem: closed ? text.found : null, indications: r.chance(0.3) ? 'Levar ONU reserva e conectores.' : null,
    service_performed: closed ? text.done : null,
    closing_classification_id: closed ? r.pick(world.ticketClassifications.closing) : null,
    opened_at: o.opened, opened_by_operator_id: operator, scheduled_for: scheduled, closed_at: closed,
    closed_by_operator_id: closed ? operator : null, street_id: null, address_number: null, address_complement: null,
    cep: null, condominium_id: null, created_at: o.opened, updated_at: closed ?? o.opened,
  });
}

/** Tickets, service orders and messages of one customer over the last year. */
export function emitCustomerActivity(
  ctx: SeedContext, world: World, c: CustomerDraft, contracts: ContractDraft[], connections: ConnectionRef[], invoices: InvoiceDraft[],
): void {
  const { r } = ctx;
  const contract = contracts[0] ?? null;
  const connection = connections[0] ?? null;
  const since = compareIsoDates(c.createdOn, addDays(ctx.today, -365)) > 0 ? c.createdOn : addDays(ctx.today, -365);
  const span = Math.max(0, daysBetween(since, ctx.today));
  const tickets = r.chance(0.25) ? (r.chance(0.3) ? r.int(2, 3) : 1) : 0;
  for (let i = 0; i < tickets && contract; i++) {
    const textIndex = r.int(0, TICKET_TEXTS.length - 1);
    const opened = businessInstant(r, addDays(since, r.int(0, span)));
    const open = opened.getTime() > ctx.now.getTime() - 5 * 24 * HOUR ? r.chance(0.7) : r.chance(0.03);
    const ticketOpened = opened.getTime() > ctx.now.getTime() ? new Date(ctx.now.getTime() - HOUR) : opened;
    const ticketId = emitTicket(ctx, world, {
      customer: c, contract, connection, opened: ticketOpened, open, text: TICKET_TEXTS[textIndex] ?? '',
      classificationIndex: textIndex <= 1 ? textIndex : r.int(2, 6), outageId: null,
    });
    if (textIndex <= 1 && r.chance(0.4)) {
      emitServiceOrder(ctx, world, c, contract, connection, {
        typeId: world.serviceOrderTypes.maintenance, opened: new Date(ticketOpened.getTime() + HOUR),
        status: open ? r.pick(['open', 'scheduled', 'in_progress'] as const) : 'closed', ticketId, problemIndex: r.pick([0, 1, 5, 6]),
      });
    }
  }
  for (const k of contracts) {
    if (!k.internetPlan) continue;
    if (k.status === 'awaiting_activation') {
      emitServiceOrder(ctx, world, c, k, null, {
        typeId: world.serviceOrderTypes.installation, opened: businessInstant(r, k.signedOn),
        status: r.chance(0.7) ? 'scheduled' : 'open', ticketId: null, problemIndex: 2,
      });
    } else if (k.activatedOn && daysBetween(k.activatedOn, ctx.today) < 90) {
      emitServiceOrder(ctx, world, c, k, null, {
        typeId: world.serviceOrderTypes.installation, opened: businessInstant(r, k.signedOn), status: 'closed',
        ticketId: null, problemIndex: 2,
      });
    }
    if (k.cancelledOn && daysBetween(k.cancelledOn, ctx.today) < 60) {
      emitServiceOrder(ctx, world, c, k, null, {
        typeId: world.serviceOrderTypes.removal, opened: businessInstant(r, k.cancelledOn),
        status: r.chance(0.6) ? 'closed' : 'scheduled', ticketId: null, problemIndex: 4,
      });
    }
    if (c.email && k.activatedOn && daysBetween(k.signedOn, ctx.today) < 45) {
      const at = businessInstant(r, k.signedOn);
      ctx.batch.add('notification_outbox', {
        id: ctx.ids.next('notification_outbox'), channel: 'email', recipient: c.email,
        subject: `Bem-vindo(a) à ${c.company.merchantName}!`,
        body: `Olá, ${c.name}! Seu contrato ${k.id} (${k.planName}) foi registrado. Acesse a central do assinante para acompanhar suas faturas.`,
        purpose: 'welcome', customer_id: c.id, invoice_id: null, status: 'sent', attempts: 1, max_attempts: 5,
        next_attempt_at: at, last_error: null, provider_message_id: r.chars(24, HEX), created_at: at, sent_at: new Date(at.getTime() + 60_000),
      });
    }
  }
  const open = invoices.filter((i) => i.status === 'open');
  const last = open[open.length - 1];
  if (last && r.chance(0.08)) {
    const at = new Date(ctx.now.getTime() - r.int(1, 20 * 24) * HOUR);
    const outcome = r.next();
    const status = outcome < 0.85 ? 'sent' : outcome < 0.95 ? 'failed' : 'pending';
    ctx.batch.add('notification_outbox', {
      id: ctx.ids.next('notification_outbox'), channel: 'sms', recipient: c.phone, subject: null,
      body: `${c.company.merchantName}: fatura ${last.id} de ${formatBrl(last.amountCents)} vence em ${last.dueDate.split('-').reverse().join('/')}. Linha digitavel: ${formatLinhaDigitavel(last.digitableLine)}`,
      purpose: 'digitable_line', customer_id: c.id, invoice_id: last.id, status,
      attempts: status === 'pending' ? 0 : status === 'failed' ? 5 : 1, max_attempts: 5,
      next_attempt_at: at, last_error: status === 'failed' ? 'Operadora recusou o número de destino.' : null,
      provider_message_id: status === 'sent' ? r.chars(24, HEX) : null, created_at: at,
      sent_at: status === 'sent' ? new Date(at.getTime() + 5_000) : null,
    });
  }
}
