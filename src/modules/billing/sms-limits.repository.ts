import { sql } from 'kysely';
import type { Tx } from '../../db/transaction.ts';

/**
 * Serialises the digitable-line SMS of one customer: concurrent calls for the same customer
 * wait here, so the window and the daily cap below are checked against committed rows.
 */
export async function lockCustomerForSms(tx: Tx, customerId: number): Promise<void> {
  await tx.selectFrom('customers').select('id').where('id', '=', customerId).forUpdate().execute();
}

/** The digitable-line SMS of this invoice queued (or sent) since `since`, if any. */
export async function findRecentInvoiceSms(tx: Tx, invoiceId: number, since: Date) {
  return tx
    .selectFrom('notification_outbox')
    .select(['id', 'created_at'])
    .where('invoice_id', '=', invoiceId)
    .where('purpose', '=', 'digitable_line')
    .where('status', 'in', ['pending', 'sending', 'sent'])
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Digitable-line SMS queued for the customer since `since` (failed ones count: they were tried). */
export async function countCustomerSmsSince(tx: Tx, customerId: number, since: Date): Promise<number> {
  const row = await tx
    .selectFrom('notification_outbox')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('customer_id', '=', customerId)
    .where('purpose', '=', 'digitable_line')
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return row.n;
}
