import type { Db } from '../../src/db/database.ts';
import { formatDateBr, todayInSaoPaulo } from '../../src/lib/dates.ts';
import type { ServerProcess } from '../support/server-process.ts';

export interface OpenInvoice {
  id: number;
  customer_id: number;
  /** An active bank account of the invoice's company, to receive the money. */
  account: number;
}

export const openInvoices = (db: Db, limit: number): Promise<OpenInvoice[]> =>
  db
    .selectFrom('invoices as i')
    .innerJoin(
      (eb) => eb.selectFrom('bank_accounts').select(['company_id', (e) => e.fn.min<number>('id').as('account')]).where('active', '=', true).groupBy('company_id').as('b'),
      (join) => join.onRef('b.company_id', '=', 'i.company_id'),
    )
    .select(['i.id', 'i.customer_id', 'b.account'])
    .where('i.status', '=', 'open')
    .where('i.amount_cents', '>', 0)
    .orderBy('i.id')
    .limit(limit)
    .execute();

// The server's business day is São Paulo's, whatever the machine's zone.
const todayBr = () => formatDateBr(todayInSaoPaulo(new Date()));

export interface Order {
  id: string;
  total: number;
  surcharge: number;
  discount: number;
}

/** A payment order for one invoice; null when the server refuses it (e.g. already paid). */
export async function orderFor(server: ServerProcess, token: string, inv: OpenInvoice): Promise<Order | null> {
  const o = await server.mk('WSMKPedidoLiquidacao', { token, cd_cliente: inv.customer_id, faturas: inv.id });
  return o.body.status === 'OK'
    ? { id: o.body.IDPagamento, total: o.body.ValorTotal, surcharge: o.body.ValorTotalAcre, discount: o.body.ValorTotalDes }
    : null;
}

/** Settles an order by deposit; the MK body. */
export async function settle(server: ServerProcess, token: string, order: Order, account: number) {
  const r = await server.mk('WSMKLiquidacaoFaturasV2', {
    token,
    IDPagamento: order.id,
    forma_pagto: 4,
    conta: account,
    valor_total: order.total.toFixed(2),
    valor_acrescimo: order.surcharge.toFixed(2),
    valor_desconto: order.discount.toFixed(2),
    data_recebimento: todayBr(),
  });
  return r.body;
}

/** Invoices settled more than once, and paid/settled disagreements: both must be empty. */
export async function settlementAnomalies(db: Db, invoiceIds: number[]) {
  const rows = await db
    .selectFrom('invoices as i')
    .leftJoin('settlements as s', 's.invoice_id', 'i.id')
    .select(['i.id', 'i.status'])
    .select((eb) => eb.fn.count<number>('s.id').as('settled'))
    .where('i.id', 'in', invoiceIds)
    .groupBy(['i.id', 'i.status'])
    .execute();
  return {
    twice: rows.filter((r) => Number(r.settled) > 1).map((r) => r.id),
    inconsistent: rows.filter((r) => (r.status === 'paid') !== (Number(r.settled) === 1)).map((r) => `${r.id}:${r.status}:${r.settled}`),
    paid: rows.filter((r) => r.status === 'paid').length,
  };
}
