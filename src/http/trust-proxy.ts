import { isValidIpEntry } from '../lib/ip-match.ts';

/**
 * What Provedor hands Fastify's `trustProxy`: `false` (no proxy), a hop count (the client IP is
 * the address that many hops back in X-Forwarded-For), or the proxies' addresses/CIDRs (plus the
 * proxy-addr names `loopback`, `linklocal`, `uniquelocal`). `true` is refused: it trusts every
 * hop, so a client's own X-Forwarded-For would become its IP and defeat IP lists and throttles.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

export class TrustProxyError extends Error {}

export function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim();
  const lower = value.toLowerCase();
  if (['', 'false', 'no', 'off', '0'].includes(lower)) return false;
  if (['true', 'yes', 'on', '*'].includes(lower)) {
    throw new TrustProxyError(
      'true is refused: it trusts every hop, so any client could pick its own IP with X-Forwarded-For ' +
        '(bypassing IP lists and login throttles). Give the number of proxies in front of Provedor ' +
        '(e.g. 1) or their addresses/CIDRs (e.g. 10.0.0.5,10.1.0.0/16)',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) throw new TrustProxyError(`a hop count must be between 1 and ${MAX_HOPS}`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.filter((e) => !NAMED_RANGES.has(e.toLowerCase()) && !isValidIpEntry(e));
  if (entries.length === 0 || bad.length > 0) {
    throw new TrustProxyError(
      `must be false, a hop count (1–${MAX_HOPS}) or a comma-separated list of proxy addresses/CIDRs` +
        (bad.length > 0 ? `; not an address or CIDR: ${bad.slice(0, 3).join(', ')}` : ''),
    );
  }
  return entries.map((e) => (NAMED_RANGES.has(e.toLowerCase()) ? e.toLowerCase() : e));
}

/**
 * The value for Fastify's `trustProxy`. Fastify 5.12 ignores a bare hop count (it fails closed),
 * so hops become a function trusting the first N addresses counted from the socket. A hop count
 * cannot check who the immediate peer is: use it only when Provedor is reachable solely through
 * the proxies (HOST=127.0.0.1 or a firewall); otherwise list the proxies' addresses.
 */
export function fastifyTrustProxy(value: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return value === 0 ? false : (_address, hop) => hop < value;
  return value;
}
