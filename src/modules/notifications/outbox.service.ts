import type { Tx } from '../../db/transaction.ts';
import { insertOutbox } from './outbox.repository.ts';

export type OutboxPurpose = 'digitable_line' | 'sac_password' | 'welcome' | 'invoice' | 'outage' | 'service_order' | 'other';

export interface SmsToQueue {
  /** DDD + number (optionally with 55), digits only. */
  recipient: string;
  body: string;
  purpose?: OutboxPurpose;
  customerId?: number;
  invoiceId?: number;
  /** Queued-at instant from the app clock (the dispatcher compares against the same clock). */
  at?: Date;
}

/**
 * Queues an SMS inside the caller's transaction: it is sent only if the business change commits,
 * and a failed send never undoes the change. The background dispatcher delivers it.
 */
export async function enqueueSms(tx: Tx, sms: SmsToQueue): Promise<number> {
  const row = await insertOutbox(tx, {
    channel: 'sms',
    recipient: sms.recipient,
    body: sms.body,
    purpose: sms.purpose ?? 'other',
    customer_id: sms.customerId ?? null,
    invoice_id: sms.invoiceId ?? null,
    ...(sms.at ? { created_at: sms.at, next_attempt_at: sms.at } : {}),
  });
  return row.id;
}
