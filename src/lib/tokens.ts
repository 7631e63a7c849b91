import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex: enough for high-entropy random tokens, which need no stretching. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Keyed hash of a low-entropy secret (contra-senha), so it can be looked up but not guessed offline. */
export const hmacHex = (key: string, value: string): string =>
  createHmac('sha256', key).update(value, 'utf8').digest('hex');

/** `<32 hex>.<6 digits>`: the shape of MK's temporary tokens; 128 + ~20 random bits. */
export function newSessionToken(): string {
  return `${randomBytes(16).toString('hex')}.${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** 32 hex chars like MK's fixed user tokens, but 256 bits wide. */
export const newApiToken = (): string => randomBytes(32).toString('hex');

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
