import { formatDateTimeBr } from '../../lib/dates.ts';
import type { IssuedSession } from './auth.service.ts';

/** The auth answer as real MK servers send it (wire-formats.md §1.3). */
export function authReply(session: IssuedSession) {
  return {
    Expire: formatDateTimeBr(session.expiresAt),
    LimiteUso: session.singleUse ? 1 : 0,
    ServicosAutorizados: session.services,
    Token: session.token,
  };
}
