import type { FastifyInstance } from 'fastify';
import { MkError } from './mk-errors.ts';

/**
 * Transport limits. Real MK calls carry fewer than 40 parameters; these bounds keep one request
 * from holding the event loop (issue #11, H1). Uploads have their own limit (`uploadMaxBytes`).
 */
export const MAX_PAIRS = 300;
export const MAX_VALUES_PER_KEY = 20;
export const BODY_LIMIT = 1024 * 1024;

export type RawParams = Record<string, string | string[]>;

/** Set on a parsed parameter object that went over a limit; the kit refuses it with 005. */
const OVERFLOW = Symbol('mk.params.overflow');

export function overflowOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  return ((value as Record<symbol, unknown>)[OVERFLOW] as string | undefined) ?? null;
}

function markOverflow<T extends object>(target: T, reason: string): T {
  Object.defineProperty(target, OVERFLOW, { value: reason, enumerable: false });
  return target;
}

export const tooManyPairs = () => `mais de ${MAX_PAIRS} parâmetros na requisição`;
export const tooManyValues = (key: string) => `parâmetro repetido mais de ${MAX_VALUES_PER_KEY} vezes: ${key.slice(0, 60)}`;

export const overflowError = (reason: string) => new MkError('invalidParam', `Requisição inválida: ${reason}.`);

/**
 * `a=1&b=2` → `{a:'1', b:'2'}`, repeated keys as arrays (appended in place). Lenient about bad
 * percent-encoding; stops at MAX_PAIRS pairs and MAX_VALUES_PER_KEY values per key and marks
 * the result, so the work per request is bounded whatever the input.
 */
export function parseQueryString(text: string): RawParams {
  const out: RawParams = Object.create(null);
  let pairs = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end < 0) end = text.length;
    if (end > start) {
      if (++pairs > MAX_PAIRS) return markOverflow(out, tooManyPairs());
      const part = text.slice(start, end);
      const eq = part.indexOf('=');
      const key = decodeLenient(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeLenient(part.slice(eq + 1));
      const prev = out[key];
      if (prev === undefined) out[key] = value;
      else if (typeof prev === 'string') out[key] = [prev, value];
      else if (prev.length >= MAX_VALUES_PER_KEY) return markOverflow(out, tooManyValues(key));
      else prev.push(value);
    }
    start = end + 1;
  }
  return out;
}

function decodeLenient(text: string): string {
  const plus = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!plus.includes('%')) return plus;
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** A JSON body: only a flat object is a parameter set; more than MAX_PAIRS keys is refused. */
function parseJsonBody(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  let keys = 0;
  for (const _ in parsed) if (++keys > MAX_PAIRS) return markOverflow({}, tooManyPairs());
  return parsed;
}

/**
 * MK clients POST with odd or empty bodies (empty JSON, text/plain, no type). Parameters may
 * also be in the query string, so an unreadable body is treated as empty instead of failing.
 * Bodies above BODY_LIMIT are refused by Fastify before they are read completely.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseQueryString(String(body)));
  });
  app.addContentTypeParser(['application/json', 'text/plain', '*'], { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body).trim();
    if (text.startsWith('{')) return done(null, parseJsonBody(text));
    done(null, text.includes('=') ? parseQueryString(text) : {});
  });
}
