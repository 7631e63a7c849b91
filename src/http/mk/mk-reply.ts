import type { FastifyReply } from 'fastify';
import { MK_ERRORS, type MkError } from './mk-errors.ts';

/**
 * How an endpoint spells its error envelope. MK is not consistent (wire-formats.md §1.5):
 * - standard: `{Mensagem, "Num. ERRO", status}` (token errors add `CodToken`)
 * - upperCodigoErro: `{CODIGO_ERRO, Mensagem, status}` (WSMKConsultaClientes)
 * - lowerCodigoErro: `{codigo_erro, mensagem, status}` (WSMKRetornarCopieColaPix)
 * - actionMessage: `{mensagem, status}` (action endpoints such as WSMKAutoDesbloqueio)
 */
export type MkErrorStyle = 'standard' | 'upperCodigoErro' | 'lowerCodigoErro' | 'actionMessage';

export const MK_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function mkErrorBody(error: MkError, style: MkErrorStyle = 'standard'): Record<string, string> {
  if (error.isTokenError) {
    return { CodToken: error.code, Mensagem: error.message, 'Num. ERRO': error.code, status: 'ERRO' };
  }
  switch (style) {
    case 'upperCodigoErro':
      return { CODIGO_ERRO: error.code, Mensagem: error.message, status: 'ERRO' };
    case 'lowerCodigoErro':
      return { codigo_erro: error.code, mensagem: error.message, status: 'ERRO' };
    case 'actionMessage':
      return { mensagem: error.message, status: 'ERRO' };
    default:
      return { Mensagem: error.message, 'Num. ERRO': error.code, status: 'ERRO' };
  }
}

export const unknownEndpointBody = () => ({
  Mensagem: MK_ERRORS.unknownEndpoint.message,
  'Num. ERRO': MK_ERRORS.unknownEndpoint.code,
  status: 'ERRO',
});

/** The MK success envelope: the payload's keys at top level plus `"status":"OK"`. */
export function mkSuccessBody(payload: Record<string, unknown>): Record<string, unknown> {
  return { ...payload, status: 'OK' };
}

/**
 * Real MK bodies list keys in ASCII order (upper case first). Sorting costs little and makes
 * our output byte-comparable with captures.
 */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
  return out;
}

/** JSON.stringify leaves non-ASCII as raw UTF-8, which is what §1.7 asks for. */
export function sendMk(reply: FastifyReply, body: unknown, httpStatus = 200): FastifyReply {
  return reply.code(httpStatus).type(MK_CONTENT_TYPE).send(JSON.stringify(sortKeysDeep(body)));
}
