import { parseQueryString } from './mk/body-parsing.ts';

/**
 * What logs may keep of a request's parameters. Allow-list: a value is kept only when the route
 * declares the parameter safe (`loggable`: a `mkParam` helper without `sensitive`); everything
 * else — sensitive, undeclared, unknown names, routes without a policy — becomes `[redacted]`.
 * Card-number-shaped values (13–19 digits passing Luhn) are masked everywhere as a second line.
 */
export type LogPolicy = ReadonlyMap<string, { loggable: boolean }> | undefined;

export const REDACTED = '[redacted]';
export const MASKED_PAN = '[pan]';

const MAX_VALUE = 200;
const MAX_NAME = 60;
const MAX_QUERY = 2000;
const MAX_LOGGED_PAIRS = 100;

const loggable = (policy: LogPolicy, name: string) => policy?.get(name.toLowerCase())?.loggable === true;

/** The parameters as `name=value&…` for the activity log. Never throws. */
export function redactParams(params: Record<string, unknown>, policy: LogPolicy): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (parts.length >= MAX_LOGGED_PAIRS) {
      parts.push('…');
      break;
    }
    const shown = loggable(policy, name) ? maskPans(encode(sliceCodePoints(scalarText(value), MAX_VALUE))) : REDACTED;
    parts.push(`${maskPans(encode(sliceCodePoints(name, MAX_NAME)))}=${shown}`);
  }
  return sliceCodePoints(parts.join('&'), MAX_QUERY);
}

/** The URL for request logs: the path, and query values kept only where the policy allows. */
export function redactUrl(url: string, policy?: LogPolicy): string {
  const q = url.indexOf('?');
  const path = maskPans(wellFormed(q < 0 ? url : url.slice(0, q)));
  if (q < 0) return path;
  const params = parseQueryString(url.slice(q + 1));
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (parts.length >= MAX_LOGGED_PAIRS) break;
      const shown = loggable(policy, name) ? maskPans(encode(sliceCodePoints(v, MAX_VALUE))) : REDACTED;
      parts.push(`${maskPans(encode(sliceCodePoints(name, MAX_NAME)))}=${shown}`);
    }
  }
  return `${path}?${parts.join('&')}`;
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '[unserialisable]';
  }
}

/** encodeURIComponent that cannot throw: lone surrogates become U+FFFD first. */
function encode(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

/** ES2024 string methods, native in Node 20 (TypeScript's ES2022 lib does not declare them). */
type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/** Lone surrogates become U+FFFD and NULs go (PostgreSQL's text refuses both). Runs on every logged call. */
export function wellFormed(text: string): string {
  const s = text as WellFormedString;
  const fixed = s.isWellFormed() ? text : s.toWellFormed();
  return fixed.includes('\u0000') ? fixed.replaceAll('\u0000', '') : fixed;
}

/** The first `max` code points (never half of a surrogate pair). */
export function sliceCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count++ >= max) break;
    out += ch;
  }
  return out;
}

const PAN_CANDIDATE = /(?<![0-9])[0-9](?:(?: |-|%20|\+)?[0-9]){12,18}(?![0-9])/g;

/** Replaces every run of 13–19 digits (spaces or dashes allowed) that passes Luhn with `[pan]`. */
export function maskPans(text: string): string {
  return text.replace(PAN_CANDIDATE, (match) => (luhnValid(match.replace(/%20|[^0-9]/g, '')) ? MASKED_PAN : match));
}

function luhnValid(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
