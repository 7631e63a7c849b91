import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { AppDeps, Clock } from './http/context.ts';
import { ActivityLogBuffer, registerActivityLog } from './http/plugins/activity-log.ts';
import { registerErrorHandling } from './http/plugins/error-handler.ts';
import { registerHealth } from './http/plugins/health.ts';
import { registerOpenApi } from './http/plugins/openapi.ts';
import { FailureThrottle } from './http/failure-throttle.ts';
import { registerEndpoint } from './http/register-endpoints.ts';
import { maskPans, redactUrl } from './http/redact.ts';
import { fastifyTrustProxy } from './http/trust-proxy.ts';
import { BODY_LIMIT, parseQueryString, registerBodyParsers } from './http/mk/body-parsing.ts';
import { registerMultipart } from './http/mk/multipart.ts';
import { startAuthCaches } from './modules/auth/auth-cache.ts';
import { modules as allModules } from './modules/index.ts';
import type { Module } from './modules/module.ts';

export interface BuildAppOptions {
  config: Config;
  db: Db;
  clock: Clock;
  logger: FastifyBaseLogger | boolean | Record<string, unknown>;
  modules?: Module[];
  /** Validate every success body against its route's declared response schema (tests). */
  checkResponses?: boolean;
}

/** Builds the whole HTTP app from its dependencies; reads no environment and no globals. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRedaction(options.logger),
    trustProxy: fastifyTrustProxy(options.config.trustProxy),
    routerOptions: {
      ignoreDuplicateSlashes: true,
      // Clients build URLs by hand; a stray `%` must not become a 5xx (MK answers those with HTML).
      querystringParser: parseQueryString,
    },
    bodyLimit: BODY_LIMIT,
    ajv: {
      customOptions: {
        coerceTypes: 'array',
        removeAdditional: true,
        useDefaults: true,
        allErrors: false,
        keywords: ['x-mk', 'x-aliases', 'x-hint', 'x-log', 'x-file-types', 'x-max-bytes'],
      },
    },
    genReqId: () => crypto.randomUUID(),
  });
  app.decorateRequest('caller', null);
  app.decorateRequest('mkErrorCode', null);
  app.decorateRequest('actor', null);
  registerErrorHandling(app);
  registerBodyParsers(app);
  await registerMultipart(app, options.config.uploadMaxBytes);

  const deps: AppDeps = { db: options.db, clock: options.clock, config: options.config, log: app.log };
  const activity = new ActivityLogBuffer(options.db, (err) => app.log.warn({ err }, 'activity log write failed'));
  if (options.config.activityLog) registerActivityLog(app, activity, options.clock);
  else app.addHook('onClose', async () => activity.close());
  app.decorate('flushActivityLog', () => activity.flush());
  registerHealth(app, options.db);
  const stopAuthCaches = await startAuthCaches(options.db, (err) => app.log.warn({ err }, 'auth caches off: cannot listen for auth changes'));
  app.addHook('onClose', async () => stopAuthCaches());

  const throttle = new FailureThrottle(options.db, options.clock, (err) => app.log.warn({ err }, 'credential throttle: cannot read blocks'));
  const stopThrottle = await throttle.start();
  app.addHook('onClose', async () => stopThrottle());
  const modules = options.modules ?? allModules;
  registerOpenApi(
    app,
    modules.flatMap((m) => m.endpoints),
  );
  for (const module of modules) {
    for (const endpoint of module.endpoints) registerEndpoint(app, endpoint, deps, throttle, options.checkResponses);
    if (module.routes) {
      const routes = module.routes;
      await app.register(async (scope) => routes(scope, deps));
    }
  }
  return app;
}

/**
 * Request logs show URLs with only the values the route declares safe (see redact.ts), and
 * card-number-shaped text masked in error messages too.
 */
function withRedaction(logger: BuildAppOptions['logger']): FastifyServerOptions['logger'] {
  if (typeof logger !== 'object' || logger === null || 'info' in logger) return logger as boolean;
  return {
    ...logger,
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url, req.routeOptions?.config?.paramPolicy), ip: req.ip }),
      err: (err: Error & { detail?: string; code?: string }) => ({
        type: err?.name,
        code: err?.code,
        message: maskPans(String(err?.message ?? '')),
        ...(err?.detail ? { detail: maskPans(String(err.detail)) } : {}),
        stack: maskPans(String(err?.stack ?? '')),
      }),
    },
  };
}
