import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeCall } from '../modules/auth/authorize-call.ts';
import { spendOnSuccess } from '../modules/auth/single-use.ts';
import type { AppDeps } from './context.ts';
import type { EndpointDefinition } from './endpoint.ts';
import type { FailureThrottle } from './failure-throttle.ts';
import { isMkError, MkError } from './mk/mk-errors.ts';
import { mkSuccessBody, sendMk } from './mk/mk-reply.ts';
import { normalizeParams, paramLookup } from './mk/params.ts';

/** Parameters every route accepts besides its own: the session token and MK's `sys=MK0`. */
const TRANSPORT_PARAMS = [
  ['token', { canonical: 'token', kind: undefined }],
  ['sys', { canonical: 'sys', kind: undefined }],
] as const;

export function registerEndpoint(
  app: FastifyInstance,
  def: EndpointDefinition,
  deps: AppDeps,
  throttle: FailureThrottle,
): void {
  const lookup = paramLookup(def.query);
  for (const [name, info] of TRANSPORT_PARAMS) if (!lookup.has(name)) lookup.set(name, info);
  const declaresToken = 'token' in def.query.properties;

  app.route({
    method: def.methods,
    url: def.url,
    config: {
      endpointId: def.id,
      surface: def.surface,
      errorStyle: def.errorStyle,
      isValidation: def.id === 'WSAutenticacaoOperador',
    },
    schema: { querystring: def.query, summary: def.summary, tags: [def.surface] },
    // Runs before schema validation, so a caller without a valid token learns nothing about
    // the parameters, and so validation sees one merged, canonically named parameter set.
    preValidation: async (request) => {
      const params = normalizeParams([request.query, request.body], lookup);
      const token = params.token;
      if (!declaresToken) delete params.token;
      delete params.sys;
      request.query = params;
      if (def.service !== 'open') {
        request.caller = await authorizeCall(deps, { token, ip: request.ip, service: def.service });
      }
    },
    handler: async (request, reply) => {
      const throttleKey = `${def.id}|${request.ip}`;
      if (def.throttleFailures && throttle.isBlocked(throttleKey)) throw new MkError('tooManyRequests');
      const result = await spendOnSuccess(deps, request.caller, () =>
        runHandler(def, request, deps, () => {
          if (def.throttleFailures) throttle.recordFailure(throttleKey);
        }),
      );
      if (def.surface === 'mk') {
        return sendMk(reply, Array.isArray(result) ? result : mkSuccessBody(result as Record<string, unknown>));
      }
      return sendMk(reply, result);
    },
  });
}

async function runHandler(
  def: EndpointDefinition,
  request: FastifyRequest,
  deps: AppDeps,
  onAuthFailure: () => void,
): Promise<unknown> {
  try {
    return await def.handler({
        params: request.query as Record<string, unknown>,
        caller: request.caller,
        deps,
        ip: request.ip,
        headers: request.headers,
        identify: (actor) => {
          request.actor = actor;
        },
      });
  } catch (error) {
    if (isMkError(error) && error.kind === 'authFailed') onAuthFailure();
    throw error;
  }
}
