import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { requireAdmin } from './admin-auth.ts';
import * as service from './operators.service.ts';
import { idParams } from './profiles.schemas.ts';

const createBody = Type.Object(
  {
    login: Type.String({ minLength: 2, maxLength: 60 }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
    isAdmin: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

const passwordBody = Type.Object(
  { password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })) },
  { additionalProperties: false },
);

type Id = { Params: Static<typeof idParams> };

/** Operators: list, create (token shown once), (de)activate, rotate token, reset password. */
export async function registerOperatorRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/admin/api/operators', async () => ({ items: await service.operatorList(deps) }));

  app.post<{ Body: Static<typeof createBody> }>(
    '/admin/api/operators',
    { schema: { body: createBody } },
    async (request, reply) => reply.code(201).send(await service.createOperator(deps, requireAdmin(request), request.body)),
  );

  app.post<Id>('/admin/api/operators/:id/deactivate', { schema: { params: idParams } }, async (request) =>
    service.setActive(deps, requireAdmin(request), request.params.id, false),
  );

  app.post<Id>('/admin/api/operators/:id/activate', { schema: { params: idParams } }, async (request) =>
    service.setActive(deps, requireAdmin(request), request.params.id, true),
  );

  app.post<Id>('/admin/api/operators/:id/rotate-token', { schema: { params: idParams } }, async (request) =>
    service.rotateToken(deps, requireAdmin(request), request.params.id),
  );

  app.post<Id & { Body: Static<typeof passwordBody> | undefined }>(
    '/admin/api/operators/:id/reset-password',
    { schema: { params: idParams } },
    async (request) => {
      const body = request.body && typeof request.body === 'object' ? request.body : {};
      const password = typeof body.password === 'string' ? body.password : undefined;
      return service.resetPassword(deps, requireAdmin(request), request.params.id, password);
    },
  );
}
