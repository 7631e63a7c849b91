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

export interface EmailToQueue {
  recipient: string;
  subject: string;
  /** Plain text. */
  body: string;
  purpose?: OutboxPurpose;
  customerId?: number;
  at?: Date;
}

/** Queues an e-mail inside the caller's transaction (see enqueueSms); the dispatcher sends it over SMTP. */
export async function enqueueEmail(tx: Tx, mail: EmailToQueue): Promise<number> {
  const row = await insertOutbox(tx, {
    channel: 'email',
    recipient: mail.recipient,
    subject: mail.subject,
    body: mail.body,
    purpose: mail.purpose ?? 'other',
    customer_id: mail.customerId ?? null,
    ...(mail.at ? { created_at: mail.at, next_attempt_at: mail.at } : {}),
  });
  return row.id;
}
