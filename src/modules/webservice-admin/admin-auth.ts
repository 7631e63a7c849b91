import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { purposeHmacHex } from '../../lib/keys.ts';
import { constantTimeEqual, sha256Hex } from '../../lib/tokens.ts';
import { findAdminSession } from './admin-session.repository.ts';
import { findLiveApiKey, touchApiKey } from './api-keys.repository.ts';

export const ADMIN_COOKIE = 'provedor_admin';
export const ADMIN_SESSION_HOURS = 8;

export interface AdminPrincipal {
  operatorId: number;
  login: string;
  name: string;
  via: 'cookie' | 'bearer';
  sessionId: number | null;
  sessionToken: string | null;
  expiresAt: Date | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    admin: AdminPrincipal | null;
  }
}

/**
 * The CSRF token is derived from the session token with the server secret, so the page can ask
 * for it again after a reload without the server keeping it in clear.
 */
export const csrfTokenFor = (secretKey: string, sessionToken: string): string =>
  purposeHmacHex(secretKey, 'admin-csrf', sessionToken);

export const actorOf = (admin: AdminPrincipal): string => `operator:${admin.login}`;

export function requireAdmin(request: FastifyRequest): AdminPrincipal {
  if (!request.admin) throw new MkError('tokenMissing', 'Sessão de administração ausente ou expirada.');
  return request.admin;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S{16,200})$/i.exec(header);
  if (!match) throw new MkError('tokenInvalid', 'Cabeçalho Authorization inválido.');
  return match[1]!;
}

/**
 * onRequest hook of the protected admin routes: resolves the operator from a bearer admin API
 * key (scripts; CSRF does not apply) or the session cookie (browser; state changes need X-CSRF-Token).
 * Only active `is_admin` operators get through.
 */
export function adminGuard(deps: AppDeps) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const bearer = bearerToken(request);
    if (bearer) {
      // Only admin API keys: an operator's webservice token travels in MK URLs and never
      // opens the admin API.
      const key = await findLiveApiKey(deps.db, sha256Hex(bearer));
      if (!key) throw new MkError('tokenInvalid', 'Chave de API inválida ou revogada.');
      if (!key.is_admin) throw new MkError('authNotAllowed', 'Operador sem permissão de administração.');
      await touchApiKey(deps.db, key.id, deps.clock.now());
      request.admin = { operatorId: key.operator_id, login: key.login, name: key.name, via: 'bearer', sessionId: null, sessionToken: null, expiresAt: null };
      return;
    }
    const cookie = request.cookies[ADMIN_COOKIE];
    if (!cookie) throw new MkError('tokenMissing', 'Sessão de administração ausente ou expirada.');
    const session = await findAdminSession(deps.db, sha256Hex(cookie), deps.clock.now());
    if (!session) throw new MkError('tokenInvalid', 'Sessão de administração ausente ou expirada.');
    if (!session.is_admin) throw new MkError('authNotAllowed', 'Operador sem permissão de administração.');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !constantTimeEqual(sha256Hex(sent), session.csrf_token_hash)) {
        throw new MkError('authNotAllowed', 'Token CSRF ausente ou inválido.');
      }
    }
    request.admin = {
      operatorId: session.operator_id,
      login: session.login,
      name: session.name,
      via: 'cookie',
      sessionId: session.id,
      sessionToken: cookie,
      expiresAt: session.expires_at,
    };
  };
}
