import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { withTransaction } from '../../db/transaction.ts';
import { hashPassword } from '../../lib/password.ts';
import { newApiToken, sha256Hex } from '../../lib/tokens.ts';
import { type AdminPrincipal, actorOf } from './admin-auth.ts';
import { deleteAdminSessionsOfOperator } from './admin-session.repository.ts';
import { writeAudit } from '../../db/audit.ts';
import * as repo from './operators.repository.ts';

const LOGIN = /^[A-Za-z0-9._@-]{2,60}$/;

const newPassword = (): string => randomBytes(12).toString('base64url');

function checkPassword(password: string): void {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new MkError('invalidParam', 'A senha deve ter ao menos 8 caracteres, com letras e números.');
  }
}

async function mustExist(deps: AppDeps, id: number) {
  const op = await repo.findOperator(deps.db, id);
  if (!op) throw new MkError('notFound', 'Operador não encontrado.');
  return op;
}

type OperatorRow = NonNullable<Awaited<ReturnType<typeof repo.findOperator>>>;

export function operatorView(op: OperatorRow) {
  return {
    id: op.id,
    login: op.login,
    name: op.name,
    isAdmin: op.is_admin,
    active: op.active,
    hasApiToken: op.api_token_hash !== null,
    createdAt: op.created_at.toISOString(),
    deactivatedAt: op.deactivated_at?.toISOString() ?? null,
  };
}

export async function operatorList(deps: AppDeps) {
  return (await repo.listOperators(deps.db)).map(operatorView);
}

/** Creates an operator; its API token (and a generated password) are returned only here. */
export async function createOperator(
  deps: AppDeps,
  admin: AdminPrincipal,
  input: { login: string; name: string; password?: string | undefined; isAdmin: boolean },
) {
  if (!LOGIN.test(input.login)) throw new MkError('invalidParam', 'Login: 2 a 60 letras, números ou . _ @ -');
  if (input.password !== undefined) checkPassword(input.password);
  if (await repo.loginTaken(deps.db, input.login)) throw new MkError('duplicate', 'Login já cadastrado.');
  const password = input.password ?? newPassword();
  const apiToken = newApiToken();
  const passwordHash = await hashPassword(password);
  const id = await withTransaction(deps.db, async (tx) => {
    const id = await repo.insertOperator(tx, {
      login: input.login,
      name: input.name.trim(),
      password_hash: passwordHash,
      api_token_hash: sha256Hex(apiToken),
      is_admin: input.isAdmin,
      created_at: deps.clock.now(),
    });
    await writeAudit(tx, { actor: actorOf(admin), action: 'create', entity: 'operator', entityId: id, details: { login: input.login, isAdmin: input.isAdmin } });
    return id;
  });
  const operator = operatorView((await repo.findOperator(deps.db, id))!);
  return { operator, apiToken, ...(input.password === undefined ? { password } : {}) };
}

export async function setActive(deps: AppDeps, admin: AdminPrincipal, id: number, active: boolean) {
  await mustExist(deps, id);
  if (!active && id === admin.operatorId) throw new MkError('conflict', 'Você não pode desativar o próprio usuário.');
  await withTransaction(deps.db, async (tx) => {
    await repo.setOperatorActive(tx, id, active, deps.clock.now());
    let revoked = 0;
    if (!active) {
      revoked = await repo.revokeOperatorSessions(tx, id);
      await deleteAdminSessionsOfOperator(tx, id);
    }
    await writeAudit(tx, { actor: actorOf(admin), action: active ? 'activate' : 'deactivate', entity: 'operator', entityId: id, details: { revokedSessions: revoked } });
  });
  return operatorView((await repo.findOperator(deps.db, id))!);
}

/** A new personal API token; the old one and every session issued to the operator stop working at once. */
export async function rotateToken(deps: AppDeps, admin: AdminPrincipal, id: number) {
  await mustExist(deps, id);
  const apiToken = newApiToken();
  await withTransaction(deps.db, async (tx) => {
    await repo.setApiTokenHash(tx, id, sha256Hex(apiToken));
    const revoked = await repo.revokeOperatorSessions(tx, id);
    await writeAudit(tx, { actor: actorOf(admin), action: 'rotate_token', entity: 'operator', entityId: id, details: { revokedSessions: revoked } });
  });
  return { operator: operatorView((await repo.findOperator(deps.db, id))!), apiToken };
}

/** Sets the given password, or a generated one returned once; ends the operator's webservice and (other operators') admin sessions. */
export async function resetPassword(deps: AppDeps, admin: AdminPrincipal, id: number, given: string | undefined) {
  await mustExist(deps, id);
  if (given !== undefined) checkPassword(given);
  const password = given ?? newPassword();
  const hash = await hashPassword(password);
  await withTransaction(deps.db, async (tx) => {
    await repo.setPasswordHash(tx, id, hash);
    if (id !== admin.operatorId) await deleteAdminSessionsOfOperator(tx, id);
    const revoked = await repo.revokeOperatorSessions(tx, id);
    await writeAudit(tx, { actor: actorOf(admin), action: 'reset_password', entity: 'operator', entityId: id, details: { generated: given === undefined, revokedSessions: revoked } });
  });
  return { operator: operatorView((await repo.findOperator(deps.db, id))!), ...(given === undefined ? { password } : {}) };
}
