import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { withTransaction } from '../../db/transaction.ts';
import { sha256Hex } from '../../lib/tokens.ts';
import { type AdminPrincipal, actorOf } from './admin-auth.ts';
import * as repo from './api-keys.repository.ts';

/** `pvadm_` + 256 random bits: recognisable in a leak scan, never mistaken for a webservice token. */
export const ADMIN_KEY_PREFIX = 'pvadm_';
export const newAdminApiKey = (): string => `${ADMIN_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;

type KeyRow = NonNullable<Awaited<ReturnType<typeof repo.findApiKey>>>;

function keyView(k: KeyRow) {
  return {
    id: k.id,
    description: k.description,
    operator: k.operator_login,
    prefix: k.key_prefix,
    createdAt: k.created_at.toISOString(),
    lastUsedAt: k.last_used_at?.toISOString() ?? null,
    revokedAt: k.revoked_at?.toISOString() ?? null,
    revokedBy: k.revoked_by_login ?? null,
  };
}

export async function apiKeyList(deps: AppDeps) {
  return (await repo.listApiKeys(deps.db)).map(keyView);
}

/** A new key acting as the admin who creates it; the key itself is returned only here. */
export async function createApiKey(deps: AppDeps, admin: AdminPrincipal, description: string) {
  const text = description.trim();
  if (!text) throw new MkError('invalidParam', 'Informe a descrição da chave.');
  const key = newAdminApiKey();
  const id = await withTransaction(deps.db, async (tx) => {
    const id = await repo.insertApiKey(tx, {
      operator_id: admin.operatorId,
      description: text,
      key_hash: sha256Hex(key),
      key_prefix: key.slice(0, ADMIN_KEY_PREFIX.length + 4),
      created_at: deps.clock.now(),
    });
    await writeAudit(tx, { actor: actorOf(admin), action: 'create', entity: 'admin_api_key', entityId: id, details: { description: text } });
    return id;
  });
  return { apiKey: keyView((await repo.findApiKey(deps.db, id))!), key };
}

export async function revokeApiKey(deps: AppDeps, admin: AdminPrincipal, id: number) {
  if (!(await repo.findApiKey(deps.db, id))) throw new MkError('notFound', 'Chave de API não encontrada.');
  await withTransaction(deps.db, async (tx) => {
    if (!(await repo.revokeApiKey(tx, id, admin.operatorId, deps.clock.now()))) {
      throw new MkError('conflict', 'Chave de API já revogada.');
    }
    await writeAudit(tx, { actor: actorOf(admin), action: 'revoke', entity: 'admin_api_key', entityId: id });
  });
  return keyView((await repo.findApiKey(deps.db, id))!);
}
