import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { readCrmSettings, updateCrmSettings } from '../crm/crm-settings.ts';
import { actorOf, requireAdmin } from './admin-auth.ts';

const crmSettingsBody = Type.Object(
  {
    forbidApiSignups: Type.Optional(Type.Boolean()),
    viabilityRadiusMeters: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000 })),
    defaultReservationDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** CRM settings (SAC "no sign-ups via apps/APIs", viability radius, reservation days); behind adminGuard. */
export async function registerCrmSettingsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/admin/api/settings/crm', async () => readCrmSettings(deps.db));

  app.put<{ Body: Static<typeof crmSettingsBody> }>(
    '/admin/api/settings/crm',
    { schema: { body: crmSettingsBody } },
    async (request) => {
      const admin = requireAdmin(request);
      // Unknown fields are stripped by the schema; a body left with nothing to change is refused.
      if (Object.values(request.body).every((v) => v === undefined)) {
        throw new MkError('missingParam', 'Informe forbidApiSignups, viabilityRadiusMeters ou defaultReservationDays.');
      }
      return updateCrmSettings(deps.db, actorOf(admin), request.body, deps.clock.now());
    },
  );
}
