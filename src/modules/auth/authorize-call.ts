import type { Caller, Clock } from '../../http/context.ts';
import { ALL_SERVICES, type ServiceScope } from '../../http/endpoint.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import type { Db } from '../../db/database.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { ipAllowed } from '../../lib/ip-match.ts';
import { sha256Hex } from '../../lib/tokens.ts';
import { sessionCacheOf } from './auth-cache.ts';
import { findSessionByHash, listProfileIps, type SessionRow } from './session.repository.ts';
import { markSingleUse } from './single-use.ts';

const TOKEN_SHAPE = /^[\x21-\x7e]{8,200}$/;

export function sessionCovers(services: readonly number[], required: number): boolean {
  return services.includes(ALL_SERVICES) || services.includes(required);
}

/**
 * Resolves the `token` of a data call into its caller, refusing (in this order) missing, unknown,
 * expired, consumed, profile-inactive, wrong-IP and out-of-scope tokens. A single-use token is
 * only marked here; spendOnSuccess (single-use.ts) spends it when the call succeeds.
 */
export async function authorizeCall(
  deps: { db: Db; clock: Clock },
  input: { token: unknown; ip: string; service: Exclude<ServiceScope, 'open'> },
): Promise<Caller> {
  const { token } = input;
  if (token === undefined || token === null || token === '') throw new MkError('tokenMissing');
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) throw new MkError('tokenInvalid');
  const now = deps.clock.now();
  const { session, ips } = await lookUpSession(deps.db, sha256Hex(token));
  if (!session || session.expires_at.getTime() <= now.getTime() || !session.operator_active) {
    throw new MkError('tokenInvalid');
  }
  if (session.single_use && session.used_at !== null) throw new MkError('tokenUsed');
  if (!session.profile_active || !session.operator_in_profile) throw new MkError('profileInactive');
  if (session.profile_kind === 'specific') {
    const today = todayInSaoPaulo(now);
    if ((session.starts_on && today < session.starts_on) || (session.ends_on && today > session.ends_on)) {
      throw new MkError('profileInactive');
    }
  }
  if (ips !== null && !ipAllowed(input.ip, ips)) {
    throw new MkError('ipNotAllowed');
  }
  if (!sessionCovers(session.services, input.service)) throw new MkError('serviceNotAllowed');
  const caller: Caller = {
    sessionId: session.id,
    profileId: session.profile_id,
    profileKind: session.profile_kind,
    operatorId: session.operator_id,
    operatorLogin: session.operator_login,
    services: session.services,
  };
  if (session.single_use) markSingleUse(caller, session.id);
  return caller;
}

async function lookUpSession(db: Db, tokenHash: string): Promise<{ session: SessionRow | undefined; ips: string[] | null }> {
  const cache = sessionCacheOf(db);
  const cached = cache?.get(tokenHash);
  if (cached) return cached;
  const session = await findSessionByHash(db, tokenHash);
  if (!session) return { session, ips: null };
  const ips = session.limit_to_ip_list ? await listProfileIps(db, session.profile_id) : null;
  cache?.set(tokenHash, { session, ips });
  return { session, ips };
}
