import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { BODY_LIMIT, overflowError } from '../mk/body-parsing.ts';
import { isMkError, MkError } from '../mk/mk-errors.ts';
import { mkErrorBody, sendMk, unknownEndpointBody } from '../mk/mk-reply.ts';

/** PostgreSQL SQLSTATEs caused by the caller's data rather than by a fault of ours. */
const DATA_ERRORS: Record<string, MkError['kind']> = {
  '23505': 'duplicate',
  '23503': 'invalidParam',
  '23514': 'invalidParam',
  '23502': 'invalidParam',
  '22001': 'invalidParam',
  '22003': 'invalidParam',
  '22007': 'invalidParam',
  '22008': 'invalidParam',
  '22P02': 'invalidParam',
  // invalid byte sequence / untranslatable character (e.g. NUL in text): the caller's data
  '22021': 'invalidParam',
};

/** The database is unreachable or restarting: the caller may retry; nothing of ours is broken. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_TEXT = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

function isDatabaseUnavailable(e: { code?: unknown; message?: unknown }): boolean {
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  return typeof e.message === 'string' && UNAVAILABLE_TEXT.test(e.message);
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function fromValidation(issues: ValidationIssue[], schema: TSchema | undefined): MkError {
  const issue = issues[0];
  if (issue?.keyword === 'required') {
    return new MkError('missingParam', `Parâmetro obrigatório não informado: ${String(issue.params.missingProperty)}.`);
  }
  const name = issue?.instancePath.replace(/^\//, '').split('/')[0] ?? '';
  if (!name) return new MkError('invalidParam');
  const hint = (schema?.properties as Record<string, TSchema> | undefined)?.[name]?.['x-hint'];
  return new MkError('invalidParam', `Parâmetro inválido: ${name}${hint ? ` (${hint})` : ''}.`);
}

/** Turns anything thrown into a known MK error; unknown faults are logged, never shown. */
export function toMkError(error: unknown, request: FastifyRequest): MkError {
  if (isMkError(error)) return error;
  const e = error as FastifyError & { code?: string; validation?: ValidationIssue[] };
  if (e.validation) return fromValidation(e.validation, request.routeOptions.schema?.querystring as TSchema);
  if (typeof e.code === 'string' && DATA_ERRORS[e.code]) return new MkError(DATA_ERRORS[e.code]!);
  if (isDatabaseUnavailable(e)) {
    request.log.warn({ err: error }, 'database unavailable');
    return new MkError('unavailable');
  }
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return overflowError(`corpo maior que ${BODY_LIMIT / 1024 / 1024} MB`);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    if (e.statusCode === 429) return new MkError('tooManyRequests');
    return new MkError('invalidParam', 'Requisição inválida: parâmetros ou corpo malformados.');
  }
  request.log.error({ err: error }, 'unhandled error');
  return new MkError('internal');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const mkError = toMkError(error, request);
  request.mkErrorCode = mkError.code;
  const surface = request.routeOptions.config?.surface;
  if (surface === 'mk') return sendMk(reply, mkErrorBody(mkError, request.routeOptions.config.errorStyle));
  if (surface === 'core-api') return sendMk(reply, mkErrorBody(mkError), mkError.httpStatus);
  return reply.code(mkError.httpStatus).send({ error: mkError.code, message: mkError.message });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    request.mkErrorCode = '010';
    if (/^\/+(mk|core-api)\//.test(path)) return sendMk(reply, unknownEndpointBody(), 404);
    return reply.code(404).send({ error: 'not_found', message: `No route ${request.method} ${path}` });
  });
}
