import { randomBytes } from 'node:crypto';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import { findInvoicesByIds, type InvoiceRow } from '../billing/billing.repository.ts';
import { requireCustomer } from '../billing/billing.service.ts';
import { findPricingRules, insertOrder, insertOrderLine, listCardConditions } from './payments.repository.ts';
import { type Price, priceInvoice } from './pricing.ts';

/** How long an IDPagamento can be settled. */
export const ORDER_TTL_MS = 30 * 60_000;

/** 192 random bits, URL-safe: the IDPagamento cannot be guessed or enumerated. */
export const newPaymentId = (): string => randomBytes(24).toString('base64url');

/** Only receivable invoices of this customer: refuses deleted, suspended, settled and foreign ones. */
export function requireReceivable(invoiceIds: number[], found: InvoiceRow[], customerId: number): InvoiceRow[] {
  return invoiceIds.map((id) => {
    const invoice = found.find((i) => i.id === id);
    if (!invoice) throw new MkError('notFound', `Dados não localizados: fatura ${id}.`);
    if (invoice.customer_id !== customerId) throw new MkError('conflict', `Fatura ${id} não pertence ao cliente ${customerId}.`);
    const refusal = { deleted: 'excluída', suspended: 'suspensa', paid: 'liquidada' }[invoice.status as 'deleted'];
    if (refusal) throw new MkError('conflict', `Fatura ${id} ${refusal}: apenas faturas a receber.`);
    return invoice;
  });
}

export interface PricedInvoice {
  invoice: InvoiceRow;
  price: Price;
}

/** WSMKPedidoLiquidacao: prices the invoices as of today and opens an expiring IDPagamento. */
export async function createPaymentOrder(deps: AppDeps, caller: Caller | null, input: { customerId: number; invoiceIds: number[] }) {
  const customer = await requireCustomer(deps, input.customerId);
  const now = deps.clock.now();
  const today = todayInSaoPaulo(now);
  const invoices = requireReceivable(input.invoiceIds, await findInvoicesByIds(deps.db, input.invoiceIds), customer.id);
  const rules = await findPricingRules(
    deps.db,
    invoices.map((i) => i.id),
  );
  const priced: PricedInvoice[] = invoices.map((invoice) => {
    const rule = rules.find((r) => r.invoice_id === invoice.id);
    return {
      invoice,
      price: priceInvoice({
        amountCents: invoice.amount_cents,
        dueDate: invoice.due_date,
        today,
        fineBasisPoints: rule?.fine_bp ?? 0,
        monthlyInterestBasisPoints: rule?.interest_bp ?? 0,
        discount: rule?.discount ?? null,
      }),
    };
  });
  const sum = (f: (p: Price) => number) => priced.reduce((acc, p) => acc + f(p.price), 0);
  const totals = { total: sum((p) => p.amountCents), surcharge: sum((p) => p.surchargeCents), discount: sum((p) => p.discountCents) };
  const publicId = newPaymentId();
  const expiresAt = new Date(now.getTime() + ORDER_TTL_MS);
  await withTransaction(deps.db, async (tx) => {
    const orderId = await insertOrder(tx, {
      publicId,
      customerId: customer.id,
      totalCents: totals.total,
      surchargeCents: totals.surcharge,
      discountCents: totals.discount,
      createdAt: now,
      expiresAt,
    });
    for (const { invoice, price } of priced) {
      await insertOrderLine(tx, { orderId, invoiceId: invoice.id, ...price });
    }
    await writeAudit(tx, { actor: callerActor(caller), action: 'payment_order_created', entity: 'payment_order', entityId: orderId, details: { invoices: input.invoiceIds }, at: now });
  });
  const conditions = await listCardConditions(deps.db, customer.company_id, totals.total);
  return { publicId, expiresAt, priced, totals, conditions };
}
