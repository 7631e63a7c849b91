import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Keyring, purposeKey, secretsOf } from '../../lib/keys.ts';

/** How long a second-copy download link works. */
export const BOLETO_LINK_TTL_MS = 72 * 3_600_000;

const TOKEN = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, invoiceId: number, expiresAtSec: number): string {
  return createHmac('sha256', purposeKey(secret, 'boleto-link')).update(`boleto-pdf:${invoiceId}:${expiresAtSec}`).digest('base64url');
}

/** `<invoice>.<expiry epoch s>.<HMAC>`: only the server can mint one; it stops working at expiry. */
export function signBoletoToken(ring: Keyring, invoiceId: number, now: Date): string {
  const expiresAtSec = Math.floor((now.getTime() + BOLETO_LINK_TTL_MS) / 1000);
  return `${invoiceId}.${expiresAtSec}.${mac(ring.secretKey, invoiceId, expiresAtSec)}`;
}

export type BoletoTokenCheck = { ok: true; invoiceId: number } | { ok: false; reason: 'invalid' | 'expired' };

/** Links signed with a retired secret (PREVIOUS_SECRET_KEYS) keep working until they expire. */
export function verifyBoletoToken(ring: Keyring, token: string, now: Date): BoletoTokenCheck {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const invoiceId = Number(m[1]);
  const expiresAtSec = Number(m[2]);
  const given = Buffer.from(m[3]!);
  const signedBy = (secret: string) => {
    const expected = Buffer.from(mac(secret, invoiceId, expiresAtSec));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  if (!secretsOf(ring).some(signedBy)) return { ok: false, reason: 'invalid' };
  if (now.getTime() >= expiresAtSec * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, invoiceId };
}

export const boletoDownloadUrl = (publicUrl: string, token: string): string => `${publicUrl}/boletos/${token}.pdf`;
