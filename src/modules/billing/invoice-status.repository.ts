import type { Tx } from '../../db/transaction.ts';

export async function findSuspensionReason(tx: Tx, id: number) {
  return tx
    .selectFrom('invoice_suspension_reasons')
    .select(['id', 'description'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function setSuspended(tx: Tx, ids: number[], s: { at: Date; reasonId: number; note: string | null }) {
  return tx
    .updateTable('invoices')
    .set({ status: 'suspended', suspended_at: s.at, suspension_reason_id: s.reasonId, suspension_note: s.note })
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
}

export async function setUnsuspended(tx: Tx, ids: number[]) {
  return tx
    .updateTable('invoices')
    .set({ status: 'open', suspended_at: null, suspension_reason_id: null, suspension_note: null })
    .where('id', 'in', ids)
    .where('status', '=', 'suspended')
    .returning('id')
    .execute();
}
