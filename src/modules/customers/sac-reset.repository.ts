import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

export interface ResetFilter {
  tag?: string | undefined;
  ids?: number[] | undefined;
  activeContract: boolean;
  unblockedConnection: boolean;
}

/** Customers with a SAC login that match every given filter, with the mobile to text. */
export function findResetCandidates(db: Db, f: ResetFilter, limit: number) {
  let q = db
    .selectFrom('customers as c')
    .select(['c.id', 'c.sac_login'])
    .select((eb) =>
      eb
        .selectFrom('customer_phones as p')
        .select('p.phone')
        .whereRef('p.customer_id', '=', 'c.id')
        .where('p.kind', '=', 'mobile')
        .orderBy('p.is_primary', 'desc')
        .orderBy('p.id')
        .limit(1)
        .as('mobile'),
    )
    .where('c.sac_login', 'is not', null);
  if (f.tag !== undefined) q = q.where(sql<boolean>`${f.tag} = any(c.tags)`);
  if (f.ids !== undefined) q = q.where('c.id', 'in', f.ids);
  if (f.activeContract) {
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('contracts as k').select('k.id').whereRef('k.customer_id', '=', 'c.id').where('k.status', '=', 'active')),
    );
  }
  if (f.unblockedConnection) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('connections as cn')
          .select('cn.id')
          .whereRef('cn.customer_id', '=', 'c.id')
          .where('cn.blocked', '=', false)
          .where('cn.disabled_at', 'is', null),
      ),
    );
  }
  return q.orderBy('c.id').limit(limit).execute();
}

export const setSacPassword = (tx: Tx, id: number, hash: string, at: Date) =>
  tx.updateTable('customers').set({ sac_password_hash: hash, sac_password_changed_at: at }).where('id', '=', id).execute();
