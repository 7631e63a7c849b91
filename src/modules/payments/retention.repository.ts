import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export async function tryRetentionLock(tx: Tx, key: number): Promise<boolean> {
  const r = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}) as locked`.execute(tx);
  return r.rows[0]?.locked === true;
}

/** Stored answers of Idempotency-Key calls older than `cutoff`, at most `limit` rows. */
export async function deleteIdempotentBatch(tx: Tx, cutoff: Date, limit: number): Promise<number> {
  const r = await sql`
    delete from idempotent_responses where id in (
      select id from idempotent_responses where created_at < ${cutoff} order by created_at limit ${limit})`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Vault entries nobody can charge any more: of cards deactivated before `cutoff`, and entries no
 * card refers to (a registration that failed after tokenising) created before `cutoff`.
 */
export async function deleteDeadVaultBatch(tx: Tx, cutoff: Date, limit: number): Promise<number> {
  const r = await sql`
    delete from card_vault_entries where token in (
      select v.token from card_vault_entries v
      left join credit_cards c on c.vault_token = v.token
      where (c.id is null and v.created_at < ${cutoff})
         or (c.active = false and c.deactivated_at < ${cutoff})
      limit ${limit})`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/** Whether the card's number is still in the vault (the retention job may have deleted it). */
export async function cardNumberKept(db: Db | Tx, cardId: number): Promise<boolean> {
  const row = await db
    .selectFrom('credit_cards as c')
    .innerJoin('card_vault_entries as v', 'v.token', 'c.vault_token')
    .select('c.id')
    .where('c.id', '=', cardId)
    .executeTakeFirst();
  return row !== undefined;
}
