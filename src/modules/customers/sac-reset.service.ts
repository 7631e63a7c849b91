// WSMKAlterarSenhaSac: new SAC passwords in bulk, each sent by SMS through the outbox.
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { seal } from '../../lib/keys.ts';
import { hashPassword } from '../../lib/password.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import { enqueueSms } from '../notifications/outbox.service.ts';
import { generateSacPassword } from './sac-password.ts';
import { findResetCandidates, type ResetFilter, setSacPassword } from './sac-reset.repository.ts';

/** Customers one call may change; more → refine the filter (each new password costs a scrypt hash). */
export const RESET_LIMIT = 200;

export interface ResetOutcome {
  changed: number[];
  withoutMobile: number[];
}

export async function resetSacPasswords(deps: AppDeps, caller: Caller | null, f: ResetFilter): Promise<ResetOutcome> {
  // Both filters are optional in MK's doc; without either this would reset every customer.
  // Without a provider the new password would reach nobody and the customer would be locked out.
  if (!deps.config.smsWebhookUrl) {
    throw new MkError('featureDisabled', 'Nenhum provedor de SMS configurado: as novas senhas não seriam entregues; nenhuma senha foi alterada.');
  }
  if (f.tag === undefined && f.ids === undefined) throw new MkError('noFilter', 'Informe tag ou cd_clientes.');
  const actor = callerActor(caller);
  const found = await findResetCandidates(deps.db, f, RESET_LIMIT + 1);
  if (found.length === 0) throw new MkError('notFound');
  if (found.length > RESET_LIMIT) {
    throw new MkError('conflict', `Mais de ${RESET_LIMIT} clientes selecionados: refine o filtro (tag, cd_clientes).`);
  }
  // A customer who cannot receive the SMS keeps the old password rather than being locked out.
  const targets = found.filter((c) => c.mobile !== null);
  const passwords = targets.map(() => generateSacPassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  const now = deps.clock.now();
  await withTransaction(deps.db, async (tx) => {
    for (const [i, c] of targets.entries()) {
      await setSacPassword(tx, c.id, hashes[i]!, now);
      await enqueueSms(tx, {
        recipient: c.mobile!,
        // Sealed: the dispatcher opens it at send time and the row never holds the password in clear.
        body: seal(deps.config, 'outbox', `Sua nova senha do SAC: ${passwords[i]} (usuario: ${c.sac_login}).`),
        purpose: 'sac_password',
        customerId: c.id,
        at: now,
      });
      await writeAudit(tx, { actor, action: 'sac_password_reset', entity: 'customer', entityId: c.id, details: { channel: 'sms' } });
    }
  });
  return { changed: targets.map((c) => c.id), withoutMobile: found.filter((c) => c.mobile === null).map((c) => c.id) };
}
