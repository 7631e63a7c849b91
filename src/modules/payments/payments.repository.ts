import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';
import type { DiscountRule } from './pricing.ts';

type Conn = Db | Tx;

export interface PricingRow {
  invoice_id: number;
  fine_bp: number | null;
  interest_bp: number | null;
  discount: DiscountRule | null;
}

/** Per invoice: the payment profile's late rates and the contract's active discount. */
export async function findPricingRules(db: Conn, invoiceIds: number[]): Promise<PricingRow[]> {
  const rows = await db
    .selectFrom('invoices as i')
    .leftJoin('payment_profiles as p', 'p.id', 'i.payment_profile_id')
    .leftJoin('contracts as k', 'k.id', 'i.contract_id')
    .leftJoin('discounts as d', (j) => j.onRef('d.id', '=', 'k.discount_id').on('d.active', '=', true))
    .select([
      'i.id as invoice_id',
      'p.late_fee_basis_points as fine_bp',
      'p.monthly_interest_basis_points as interest_bp',
      'd.purpose',
      'd.percent_basis_points',
      'd.amount_cents as discount_amount_cents',
      'd.days_before_due',
    ])
    .where('i.id', 'in', invoiceIds)
    .execute();
  return rows.map((r) => ({
    invoice_id: r.invoice_id,
    fine_bp: r.fine_bp,
    interest_bp: r.interest_bp,
    discount: r.purpose
      ? {
          purpose: r.purpose,
          percentBasisPoints: r.percent_basis_points,
          amountCents: r.discount_amount_cents,
          daysBeforeDue: r.days_before_due,
        }
      : null,
  }));
}

export interface ConditionRow {
  id: number;
  description: string;
  installments: number;
  min_amount_cents: number;
  fee_basis_points: number;
}

/** Active conditions of the company's active card profiles that a total of `totalCents` meets. */
export async function listCardConditions(db: Conn, companyId: number, totalCents: number): Promise<ConditionRow[]> {
  return db
    .selectFrom('payment_conditions as pc')
    .innerJoin('payment_profiles as p', 'p.id', 'pc.payment_profile_id')
    .innerJoin('payment_methods as m', 'm.id', 'p.payment_method_id')
    .select(['pc.id', 'pc.description', 'pc.installments', 'pc.min_amount_cents', 'pc.fee_basis_points'])
    .where('p.company_id', '=', companyId)
    .where('m.kind', '=', 'credit_card')
    .where('p.active', '=', true)
    .where('pc.active', '=', true)
    .where('pc.min_amount_cents', '<=', totalCents)
    .orderBy('pc.installments')
    .orderBy('pc.id')
    .execute();
}

export async function insertOrder(
  tx: Tx,
  o: { publicId: string; customerId: number; totalCents: number; surchargeCents: number; discountCents: number; createdAt: Date; expiresAt: Date },
): Promise<number> {
  const row = await tx
    .insertInto('payment_orders')
    .values({
      public_id: o.publicId,
      customer_id: o.customerId,
      total_cents: o.totalCents,
      total_surcharge_cents: o.surchargeCents,
      total_discount_cents: o.discountCents,
      created_at: o.createdAt,
      expires_at: o.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertOrderLine(
  tx: Tx,
  l: { orderId: number; invoiceId: number; originalCents: number; surchargeCents: number; discountCents: number; amountCents: number },
): Promise<void> {
  await tx
    .insertInto('payment_order_invoices')
    .values({
      payment_order_id: l.orderId,
      invoice_id: l.invoiceId,
      original_cents: l.originalCents,
      surcharge_cents: l.surchargeCents,
      discount_cents: l.discountCents,
      amount_cents: l.amountCents,
    })
    .execute();
}

export async function findOrder(db: Conn, publicId: string) {
  return db
    .selectFrom('payment_orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['o.id', 'o.public_id', 'o.customer_id', 'c.company_id', 'o.status', 'o.total_cents', 'o.expires_at'])
    .where('o.public_id', '=', publicId)
    .executeTakeFirst();
}

/** Takes a pending, unexpired order for this settlement; undefined when another call already did. */
export async function claimOrder(tx: Tx, orderId: number, now: Date) {
  return tx
    .updateTable('payment_orders')
    .set({ status: 'paid', paid_at: now })
    .where('id', '=', orderId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .returning(['id', 'total_cents'])
    .executeTakeFirst();
}

export async function markOrderExpired(db: Conn, orderId: number): Promise<void> {
  await db.updateTable('payment_orders').set({ status: 'expired' }).where('id', '=', orderId).where('status', '=', 'pending').execute();
}

export async function listOrderLines(db: Conn, orderId: number) {
  return db
    .selectFrom('payment_order_invoices')
    .select(['invoice_id', 'original_cents', 'surcharge_cents', 'discount_cents', 'amount_cents'])
    .where('payment_order_id', '=', orderId)
    .orderBy('invoice_id')
    .execute();
}

export async function findBankAccount(db: Conn, id: number, companyId: number) {
  return db
    .selectFrom('bank_accounts')
    .select(['id'])
    .where('id', '=', id)
    .where('company_id', '=', companyId)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Settles an open invoice; false when it is no longer open (paid, suspended or deleted meanwhile). */
export async function markInvoicePaid(tx: Tx, invoiceId: number, paidOn: string, paidCents: number): Promise<boolean> {
  const row = await tx
    .updateTable('invoices')
    .set({ status: 'paid', paid_on: paidOn, paid_amount_cents: paidCents })
    .where('id', '=', invoiceId)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSettlement(
  tx: Tx,
  s: {
    invoiceId: number;
    orderId: number;
    methodId: number;
    conditionId: number | null;
    bankAccountId: number;
    amountCents: number;
    surchargeCents: number;
    discountCents: number;
    receivedOn: string;
    source: 'api' | 'pix' | 'card' | 'manual';
    nsu: string | null;
    authorizationCode: string | null;
    operatorId: number | null;
    at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('settlements')
    .values({
      invoice_id: s.invoiceId,
      payment_order_id: s.orderId,
      payment_method_id: s.methodId,
      payment_condition_id: s.conditionId,
      bank_account_id: s.bankAccountId,
      amount_cents: s.amountCents,
      surcharge_cents: s.surchargeCents,
      discount_cents: s.discountCents,
      received_on: s.receivedOn,
      source: s.source,
      nsu: s.nsu,
      authorization_code: s.authorizationCode,
      operator_id: s.operatorId,
      created_at: s.at,
    })
    .execute();
}
