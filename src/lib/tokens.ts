import { createHash, createHmac, randomBytes, randomFillSync, randomInt, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex: enough for high-entropy random tokens, which need no stretching. */
export const sha256Hex = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** Keyed hash of a low-entropy secret (contra-senha), so it can be looked up but not guessed offline. */
export const hmacHex = (key: string, value: string): string =>
  createHmac('sha256', key).update(value, 'utf8').digest('hex');

// Random bytes drawn from the CSPRNG 4 KiB at a time (as crypto.randomUUID does), each byte
// handed out once: one OpenSSL call per 256 session tokens instead of one per token.
const randomPool = Buffer.alloc(4096);
let randomPoolUsed = randomPool.length;

function pooledRandomHex(bytes: number): string {
  if (randomPoolUsed + bytes > randomPool.length) {
    randomFillSync(randomPool);
    randomPoolUsed = 0;
  }
  randomPoolUsed += bytes;
  return randomPool.toString('hex', randomPoolUsed - bytes, randomPoolUsed);
}

/** `<32 hex>.<6 digits>`: the shape of MK's temporary tokens; 128 + ~20 random bits. */
export function newSessionToken(): string {
  return `${pooledRandomHex(16)}.${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/** 32 hex chars like MK's fixed user tokens, but 256 bits wide. */
export const newApiToken = (): string => randomBytes(32).toString('hex');

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
