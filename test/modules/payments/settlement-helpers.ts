import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../src/db/database.ts';
import { createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

/** A customer with open invoices and a fresh IDPagamento for them. */
export async function orderFor(app: FastifyInstance, db: Db, s: Setup, token: string, amounts: number[] = [10000, 5000]) {
  const c = await createCustomer(db, s);
  const invoices = [];
  for (const amountCents of amounts) invoices.push(await createInvoice(db, s, c.id, { amountCents, dueDate: '2026-12-10' }));
  const res = await mk(app, 'WSMKPedidoLiquidacao', { token, cd_cliente: c.id, faturas: invoices.map((i) => i.id).join(';') });
  return { customerId: c.id, invoiceIds: invoices.map((i) => i.id), idPagamento: res.body.IDPagamento as string };
}

export async function invoiceStatuses(db: Db, ids: number[]) {
  const rows = await db.selectFrom('invoices').select(['id', 'status', 'paid_amount_cents', 'paid_on']).where('id', 'in', ids).orderBy('id').execute();
  return rows;
}

/** Calls a settlement endpoint with an Idempotency-Key header. */
export async function withKey(app: FastifyInstance, name: string, params: Record<string, string | number>, key: string) {
  const query = new URLSearchParams({ sys: 'MK0' });
  for (const [k, v] of Object.entries(params)) query.set(k, String(v));
  const res = await app.inject({ url: `/mk/${name}.rule?${query}`, headers: { 'idempotency-key': key } });
  return JSON.parse(res.body);
}
