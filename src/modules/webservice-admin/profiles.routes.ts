import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { SERVICE_CODES } from '../auth/service-codes.ts';
import { requireAdmin } from './admin-auth.ts';
import { suggestContraSenha } from './contra-senha.ts';
import {
  createProfileBody,
  idParams,
  ipsBody,
  listProfilesQuery,
  operatorsBody,
  profileDataBody,
  servicesBody,
} from './profiles.schemas.ts';
import * as service from './profiles.service.ts';

type Id = { Params: Static<typeof idParams> };

/** Profiles (general and specific) and the four wizard steps; runs behind adminGuard. */
export async function registerProfileRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/admin/api/contra-senha/suggestion', async () => ({ contraSenha: suggestContraSenha() }));

  app.get('/admin/api/services', async () => ({
    services: Object.entries(SERVICE_CODES).map(([code, endpoint]) => ({ code: Number(code), endpoint })),
  }));

  app.get<{ Querystring: Static<typeof listProfilesQuery> }>(
    '/admin/api/profiles',
    { schema: { querystring: listProfilesQuery } },
    async (request) => ({ items: await service.profileList(deps, request.query.kind) }),
  );

  app.post<{ Body: Static<typeof createProfileBody> }>(
    '/admin/api/profiles',
    { schema: { body: createProfileBody } },
    async (request, reply) => {
      const id = await service.createProfile(deps, requireAdmin(request), request.body);
      return reply.code(201).send(await service.profileDetail(deps, id));
    },
  );

  app.get<Id>('/admin/api/profiles/:id', { schema: { params: idParams } }, async (request) =>
    service.profileDetail(deps, request.params.id),
  );

  app.put<Id & { Body: Static<typeof profileDataBody> }>(
    '/admin/api/profiles/:id',
    { schema: { params: idParams, body: profileDataBody } },
    async (request) => {
      await service.updateProfileData(deps, requireAdmin(request), request.params.id, request.body);
      return service.profileDetail(deps, request.params.id);
    },
  );

  app.put<Id & { Body: Static<typeof ipsBody> }>(
    '/admin/api/profiles/:id/ips',
    { schema: { params: idParams, body: ipsBody } },
    async (request) => {
      await service.setProfileIps(deps, requireAdmin(request), request.params.id, request.body);
      return service.profileDetail(deps, request.params.id);
    },
  );

  app.put<Id & { Body: Static<typeof operatorsBody> }>(
    '/admin/api/profiles/:id/operators',
    { schema: { params: idParams, body: operatorsBody } },
    async (request) => {
      await service.setProfileOperators(deps, requireAdmin(request), request.params.id, request.body.operatorIds);
      return service.profileDetail(deps, request.params.id);
    },
  );

  app.put<Id & { Body: Static<typeof servicesBody> }>(
    '/admin/api/profiles/:id/services',
    { schema: { params: idParams, body: servicesBody } },
    async (request) => {
      await service.setProfileServices(deps, requireAdmin(request), request.params.id, request.body.services);
      return service.profileDetail(deps, request.params.id);
    },
  );

  app.delete<Id>('/admin/api/profiles/:id', { schema: { params: idParams } }, async (request, reply) => {
    await service.removeProfile(deps, requireAdmin(request), request.params.id);
    return reply.code(204).send();
  });
}
