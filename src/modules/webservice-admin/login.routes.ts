import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { withTransaction } from '../../db/transaction.ts';
import { verifyPassword } from '../../lib/password.ts';
import { newApiToken, sha256Hex } from '../../lib/tokens.ts';
import { ADMIN_COOKIE, ADMIN_SESSION_HOURS, actorOf, adminGuard, csrfTokenFor, requireAdmin } from './admin-auth.ts';
import { deleteAdminSession, findActiveOperatorForLogin, insertAdminSession } from './admin-session.repository.ts';
import { writeAudit } from '../../db/audit.ts';
import { loginBlocked, recordLoginFailure } from '../auth/login-failures.ts';

const loginBody = Type.Object(
  { login: Type.String({ minLength: 1, maxLength: 60 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

// Verified for unknown logins too, so timing does not reveal which logins exist.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Login (cookie session + CSRF token), session info and logout. */
export async function registerLoginRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post<{ Body: { login: string; password: string } }>(
    '/admin/api/login',
    {
      schema: { body: loginBody },
      // A form (text/plain or urlencoded) cannot log a victim's browser into an attacker's account.
      preValidation: async (request, reply) => {
        const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') {
          return reply.code(415).send({ error: '005', message: 'O login deve ser enviado como application/json.' });
        }
      },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      const ip = request.ip;
      if (await loginBlocked(deps.db, login, ip, deps.clock.now())) throw new MkError('tooManyRequests');
      const operator = await findActiveOperatorForLogin(deps.db, login);
      const ok = await verifyPassword(password, operator?.password_hash ?? DUMMY_HASH);
      // One answer for every refusal, so the login form tells nobody which logins exist or
      // whose password was right.
      if (!operator || !ok || !operator.is_admin) {
        const reason = !operator ? 'unknown_login' : !ok ? 'wrong_password' : 'not_admin';
        await recordLoginFailure(deps.db, { entryPoint: 'admin_session', login, ip, reason, at: deps.clock.now() });
        throw new MkError('authFailed', 'Login ou senha inválidos.');
      }
      const now = deps.clock.now();
      const token = newApiToken();
      const csrfToken = csrfTokenFor(deps.config.secretKey, token);
      const expiresAt = new Date(now.getTime() + ADMIN_SESSION_HOURS * 3_600_000);
      await withTransaction(deps.db, async (tx) => {
        const id = await insertAdminSession(tx, {
          token_hash: sha256Hex(token),
          operator_id: operator.id,
          csrf_token_hash: sha256Hex(csrfToken),
          created_at: now,
          expires_at: expiresAt,
        });
        await writeAudit(tx, { actor: `operator:${operator.login}`, action: 'login', entity: 'admin_session', entityId: id });
      });
      reply.setCookie(ADMIN_COOKIE, token, {
        path: '/admin',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.publicUrl.startsWith('https:') || request.protocol === 'https',
        maxAge: ADMIN_SESSION_HOURS * 3600,
      });
      return {
        operator: { id: operator.id, login: operator.login, name: operator.name },
        csrfToken,
        expiresAt: expiresAt.toISOString(),
      };
    },
  );

  await app.register(async (scope) => {
    scope.addHook('onRequest', adminGuard(deps));

    scope.get('/admin/api/session', async (request) => {
      const admin = requireAdmin(request);
      return {
        operator: { id: admin.operatorId, login: admin.login, name: admin.name },
        via: admin.via,
        csrfToken: admin.sessionToken ? csrfTokenFor(deps.config.secretKey, admin.sessionToken) : null,
        expiresAt: admin.expiresAt?.toISOString() ?? null,
      };
    });

    scope.post('/admin/api/logout', async (request, reply) => {
      const admin = requireAdmin(request);
      if (admin.sessionId !== null) {
        const sessionId = admin.sessionId;
        await withTransaction(deps.db, async (tx) => {
          await deleteAdminSession(tx, sessionId);
          await writeAudit(tx, { actor: actorOf(admin), action: 'logout', entity: 'admin_session', entityId: sessionId });
        });
      }
      reply.clearCookie(ADMIN_COOKIE, { path: '/admin' });
      return reply.code(204).send();
    });
  });
}
