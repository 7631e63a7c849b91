import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { clearAuthCaches } from '../auth/auth-cache.ts';
import { adminGuard } from './admin-auth.ts';
import { registerAdminPage } from './admin-page.ts';
import { registerApiKeyRoutes } from './api-keys.routes.ts';
import { registerCrmSettingsRoutes } from './crm-settings.routes.ts';
import { startActivityRetention } from './activity-retention.ts';
import { registerLoginRoutes } from './login.routes.ts';
import { registerOperatorRoutes } from './operators.routes.ts';
import { registerPanelRoutes } from './panels.routes.ts';
import { registerProfileRoutes } from './profiles.routes.ts';
import { registerSettlementRuleRoutes } from './settlement-rules.routes.ts';

/** The webservice manager: admin page, /admin/api (cookie+CSRF or admin API key), retention job. */
export async function webserviceAdminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('admin', null);
  await registerAdminPage(app);
  await registerLoginRoutes(app, deps);
  await app.register(async (api) => {
    api.addHook('onRequest', adminGuard(deps));
    // Other instances drop cached sessions and logins on the NOTIFY of the change; this one before answering.
    api.addHook('onSend', async (request) => {
      if (request.method !== 'GET') clearAuthCaches(deps.db);
    });
    await registerProfileRoutes(api, deps);
    await registerOperatorRoutes(api, deps);
    await registerPanelRoutes(api, deps);
    await registerApiKeyRoutes(api, deps);
    await registerSettlementRuleRoutes(api, deps);
    await registerCrmSettingsRoutes(api, deps);
  });
  const stopRetention = startActivityRetention(deps);
  app.addHook('onClose', async () => stopRetention());
}
