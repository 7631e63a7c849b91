import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Conn = Db | Tx;

const CARD_COLUMNS = [
  'id',
  'customer_id',
  'holder_name',
  'brand',
  'first6',
  'last4',
  'expiry_month',
  'expiry_year',
  'active',
  'recurring',
] as const;

export async function findCard(db: Conn, id: number) {
  return db.selectFrom('credit_cards').select(CARD_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listCardsOf(db: Conn, customerId: number) {
  return db.selectFrom('credit_cards').select(CARD_COLUMNS).where('customer_id', '=', customerId).orderBy('id').execute();
}

/** Serialises card registrations of one customer, so the 24 h attempt limit holds under concurrency. */
export async function lockCustomer(tx: Tx, customerId: number): Promise<void> {
  await tx.selectFrom('customers').select('id').where('id', '=', customerId).forUpdate().execute();
}

/** Attempts that reached the acquirer in the window (rate-limited refusals do not extend it). */
export async function countAttemptsSince(tx: Tx, customerId: number, since: Date): Promise<number> {
  const row = await tx
    .selectFrom('credit_card_attempts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('customer_id', '=', customerId)
    .where('attempted_at', '>', since)
    .where('outcome', 'in', ['accepted', 'refused'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAttempt(
  tx: Tx,
  a: {
    customerId: number;
    cardId: number | null;
    at: Date;
    outcome: 'accepted' | 'refused' | 'rate_limited';
    first6: string | null;
    last4: string | null;
    message: string | null;
    ip: string;
  },
): Promise<void> {
  await tx
    .insertInto('credit_card_attempts')
    .values({
      customer_id: a.customerId,
      credit_card_id: a.cardId,
      attempted_at: a.at,
      outcome: a.outcome,
      first6: a.first6,
      last4: a.last4,
      message: a.message,
      client_ip: a.ip,
    })
    .execute();
}

export async function insertCard(
  tx: Tx,
  c: {
    customerId: number;
    holder: string;
    document: string;
    brand: string;
    first6: string;
    last4: string;
    month: number;
    year: number;
    vaultToken: string;
    active: boolean;
    recurring: boolean;
    at: Date;
  },
): Promise<number> {
  const row = await tx
    .insertInto('credit_cards')
    .values({
      customer_id: c.customerId,
      holder_name: c.holder,
      holder_document: c.document,
      brand: c.brand,
      first6: c.first6,
      last4: c.last4,
      expiry_month: c.month,
      expiry_year: c.year,
      vault_token: c.vaultToken,
      active: c.active,
      recurring: c.recurring,
      created_at: c.at,
      deactivated_at: c.active ? null : c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCardFlags(tx: Tx, id: number, f: { active: boolean; recurring: boolean; at: Date }): Promise<void> {
  await tx
    .updateTable('credit_cards')
    .set({ active: f.active, recurring: f.recurring, deactivated_at: f.active ? null : f.at })
    .where('id', '=', id)
    .execute();
}

/**
 * Makes `cardId` the customer's only recurring card and schedules it on the open invoices not yet
 * due; returns those invoices.
 */
export async function scheduleRecurring(tx: Tx, customerId: number, cardId: number, today: string) {
  await tx
    .updateTable('credit_cards')
    .set({ recurring: false })
    .where('customer_id', '=', customerId)
    .where('id', '<>', cardId)
    .where('recurring', '=', true)
    .execute();
  return tx
    .updateTable('invoices')
    .set({ credit_card_id: cardId })
    .where('customer_id', '=', customerId)
    .where('status', '=', 'open')
    .where('due_date', '>=', today)
    .returning(['id', 'due_date', 'amount_cents'])
    .execute();
}

/** Takes the card off the open invoices it was scheduled on. */
export async function unscheduleRecurring(tx: Tx, cardId: number): Promise<void> {
  await tx.updateTable('invoices').set({ credit_card_id: null }).where('credit_card_id', '=', cardId).where('status', '=', 'open').execute();
}
