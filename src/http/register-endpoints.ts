import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorizeCall } from '../modules/auth/authorize-call.ts';
import { spendOnSuccess } from '../modules/auth/single-use.ts';
import type { AppDeps } from './context.ts';
import type { EndpointDefinition } from './endpoint.ts';
import type { FailureThrottle } from './failure-throttle.ts';
import { isMkError, MkError } from './mk/mk-errors.ts';
import { mkSuccessBody, sendMk } from './mk/mk-reply.ts';
import { normalizeParams, paramLookup } from './mk/params.ts';
import { overflowError, overflowOf } from './mk/body-parsing.ts';
import { readMultipart } from './mk/multipart.ts';
import { responseChecker } from './response-check.ts';

/** Parameters every route accepts besides its own: the session token and MK's `sys=MK0`. */
const TRANSPORT_PARAMS = [
  ['token', { canonical: 'token', kind: undefined, loggable: false }],
  ['sys', { canonical: 'sys', kind: undefined, loggable: true }],
] as const;

export function registerEndpoint(
  app: FastifyInstance,
  def: EndpointDefinition,
  deps: AppDeps,
  throttle: FailureThrottle,
  checkResponses = false,
): void {
  const check = checkResponses ? responseChecker(def) : undefined;
  const lookup = paramLookup(def.query);
  for (const [name, info] of TRANSPORT_PARAMS) if (!lookup.has(name)) lookup.set(name, info);
  const declaresToken = 'token' in def.query.properties;
  const fileParams = [...lookup.entries()].filter(([, info]) => info.kind === 'file');
  const fileNames = new Set(fileParams.map(([name]) => name));
  const maxFileBytes = Math.max(deps.config.uploadMaxBytes, ...fileParams.map(([, info]) => info.maxBytes ?? 0));

  app.route({
    method: def.methods,
    url: def.url,
    config: {
      endpointId: def.id,
      surface: def.surface,
      errorStyle: def.errorStyle,
      isValidation: def.id === 'WSAutenticacaoOperador',
      paramPolicy: lookup,
    },
    schema: { querystring: def.query, summary: def.summary, tags: [def.surface] },
    // Runs before schema validation, so a caller without a valid token learns nothing about
    // the parameters, and so validation sees one merged, canonically named parameter set.
    preValidation: async (request) => {
      const overflow = overflowOf(request.query) ?? overflowOf(request.body);
      if (overflow) throw overflowError(overflow);
      const sources: unknown[] = [request.query, request.body];
      if (request.isMultipart()) {
        const content = await readMultipart(request, fileNames, maxFileBytes);
        request.body = content.fields;
        sources.push(content.fields, content.files);
      }
      const { params, invalid } = normalizeParams(sources, lookup, deps.config.uploadMaxBytes);
      const token = params.token;
      if (!declaresToken) delete params.token;
      delete params.sys;
      request.query = params;
      if (def.service !== 'open') {
        request.caller = await authorizeCall(deps, { token, ip: request.ip, service: def.service });
      }
      if (invalid) throw invalid;
    },
    handler: async (request, reply) => {
      let onAuthFailure: (() => Promise<boolean>) | undefined;
      if (def.throttleFailures) {
        const throttleKey = `${def.id}|${request.ip}`.slice(0, 200);
        if (await throttle.isBlocked(throttleKey)) throw new MkError('tooManyRequests');
        onAuthFailure = () => throttle.recordFailure(throttleKey);
      }
      const result = await spendOnSuccess(deps, request.caller, () => runHandler(def, request, deps, onAuthFailure));
      const body = def.surface === 'mk' && !Array.isArray(result) ? mkSuccessBody(result as Record<string, unknown>) : result;
      if (check) {
        try {
          check(body);
        } catch (error) {
          request.log.error({ err: error }, 'response schema mismatch');
          throw error;
        }
      }
      return sendMk(reply, body);
    },
  });
}

async function runHandler(
  def: EndpointDefinition,
  request: FastifyRequest,
  deps: AppDeps,
  /** Counts a credential refusal; true when the key is refused already (then the answer is 011). */
  onAuthFailure: (() => Promise<boolean>) | undefined,
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
    if (onAuthFailure && isMkError(error) && error.kind === 'authFailed' && (await onAuthFailure())) throw new MkError('tooManyRequests');
    throw error;
  }
}
