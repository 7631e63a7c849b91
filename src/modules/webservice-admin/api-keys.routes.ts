import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { requireAdmin } from './admin-auth.ts';
import * as service from './api-keys.service.ts';
import { idParams } from './profiles.schemas.ts';

const createBody = Type.Object({ description: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

/** Admin API keys (the bearer credential of /admin/api): list, create (shown once), revoke. */
export async function registerApiKeyRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/admin/api/api-keys', async () => ({ items: await service.apiKeyList(deps) }));

  app.post<{ Body: Static<typeof createBody> }>('/admin/api/api-keys', { schema: { body: createBody } }, async (request, reply) =>
    reply.code(201).send(await service.createApiKey(deps, requireAdmin(request), request.body.description)),
  );

  app.post<{ Params: Static<typeof idParams> }>('/admin/api/api-keys/:id/revoke', { schema: { params: idParams } }, async (request) =>
    service.revokeApiKey(deps, requireAdmin(request), request.params.id),
  );
}
