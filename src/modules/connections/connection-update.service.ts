import { callerActor, writeAudit } from '../../db/audit.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { type BlockReason, blockConnections } from './connection-blocking.ts';
import { raceLoser } from './connection-create.service.ts';
import { closeOpenSessions, lockConnection, usernameTaken } from './connection-write.repository.ts';

export interface ConnectionChange {
  connectionId: number;
  selfUnblockAllowed?: boolean;
  ignoreBlocking?: boolean;
  billingType?: 'billable' | 'courtesy';
  username?: string;
  password?: string;
  /** Ends the open sessions after the changes (desconectar_conexao=S). */
  disconnect?: { reason: string | null };
  block?: { reason: BlockReason; note: string | null };
}

/**
 * WSMKAlterarConexao: field changes, an optional block and an optional disconnect, all in one
 * transaction with audit rows (the password is never written to the audit log).
 */
export async function alterConnection(deps: AppDeps, caller: Caller | null, ch: ConnectionChange): Promise<void> {
  const fields = {
    ...(ch.selfUnblockAllowed !== undefined ? { self_unblock_allowed: ch.selfUnblockAllowed } : {}),
    ...(ch.ignoreBlocking !== undefined ? { ignore_blocking: ch.ignoreBlocking } : {}),
    ...(ch.billingType !== undefined ? { billing_type: ch.billingType } : {}),
    ...(ch.username !== undefined ? { username: ch.username } : {}),
    ...(ch.password !== undefined ? { password: ch.password } : {}),
  };
  if (Object.keys(fields).length === 0 && !ch.block && !ch.disconnect) throw new MkError('noFilter');
  const now = deps.clock.now();
  const actor = callerActor(caller);
  try {
    await withTransaction(deps.db, async (tx) => {
      const current = await lockConnection(tx, ch.connectionId);
      if (!current) throw new MkError('notFound');
      if (current.disabled_at !== null) throw new MkError('conflict', 'Conexão desativada (contrato cancelado).');
      if (ch.username !== undefined && (await usernameTaken(tx, ch.username, current.id))) {
        throw new MkError('duplicate', 'Username já utilizado por outra conexão.');
      }
      if (Object.keys(fields).length > 0) {
        await tx.updateTable('connections').set(fields).where('id', '=', current.id).execute();
        const changed: Record<string, unknown> = { ...fields };
        if ('password' in changed) changed.password = '(alterada)';
        if (ch.username !== undefined) changed.previousUsername = current.username;
        await writeAudit(tx, { actor, action: 'connection.update', entity: 'connection', entityId: current.id, details: changed, at: now });
      }
      if (ch.block) {
        const done = await blockConnections(tx, { connectionIds: [current.id] }, ch.block.reason, { actor, at: now, note: ch.block.note });
        if (done.length === 0) {
          throw new MkError('conflict', current.blocked ? 'Conexão já bloqueada.' : 'Conexão configurada para ignorar o bloqueio.');
        }
      }
      if (ch.disconnect) {
        const reason = ch.disconnect.reason ?? 'Admin-Reset';
        const sessions = await closeOpenSessions(tx, current.id, now, reason);
        await writeAudit(tx, { actor, action: 'connection.disconnect', entity: 'connection', entityId: current.id, details: { reason, sessions }, at: now });
      }
    });
  } catch (e) {
    throw raceLoser(e) ?? e;
  }
}
