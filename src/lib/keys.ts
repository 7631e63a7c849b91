import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * One key per purpose, derived from SECRET_KEY with HKDF-SHA256, so a value made for one
 * purpose (a contra-senha lookup hash) is never valid for another (a boleto-link MAC).
 */
export type KeyPurpose = 'contra-senha' | 'boleto-link' | 'admin-csrf' | 'card-vault' | 'outbox';

/** The secrets that may have made stored data: the current one first, then retired ones. */
export interface Keyring {
  secretKey: string;
  previousSecretKeys?: readonly string[];
}

const SALT = 'provedor-hkdf-v1';
const cache = new Map<string, Buffer>();

function derive(secret: string, info: string): Buffer {
  const k = `${info}\u0000${secret}`;
  let key = cache.get(k);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), SALT, info, 32));
    if (cache.size > 1000) cache.clear();
    cache.set(k, key);
  }
  return key;
}

export const purposeKey = (secret: string, purpose: KeyPurpose): Buffer => derive(secret, `provedor:${purpose}`);

/** A short public name of a secret (8 hex), stored with encrypted rows to find their key again. */
export const keyIdOf = (secret: string): string => derive(secret, 'provedor:key-id').subarray(0, 4).toString('hex');

export const secretsOf = (ring: Keyring): string[] => [ring.secretKey, ...(ring.previousSecretKeys ?? [])];

/** The ring's secret whose key id is `kid`, if it still has it. */
export const secretForKeyId = (ring: Keyring, kid: string): string | undefined => secretsOf(ring).find((s) => keyIdOf(s) === kid);

/** HMAC-SHA256 (hex) under the purpose key of `secret`. */
export const purposeHmacHex = (secret: string, purpose: KeyPurpose, value: string): string =>
  createHmac('sha256', purposeKey(secret, purpose)).update(value, 'utf8').digest('hex');

const SEALED = /^sealed:v1:([0-9a-f]{8}):([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]+)$/;

export const isSealed = (text: string): boolean => text.startsWith('sealed:');

/** AES-256-GCM under the current secret's purpose key: `sealed:v1:<key id>:<iv>.<ciphertext>.<tag>`. */
export function seal(ring: Keyring, purpose: KeyPurpose, plain: string, aad = purpose): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', purposeKey(ring.secretKey, purpose), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const b = (x: Buffer) => x.toString('base64url');
  return `sealed:v1:${keyIdOf(ring.secretKey)}:${b(iv)}.${b(ct)}.${b(cipher.getAuthTag())}`;
}

/** The plain text of `seal`; throws when the key is gone from the ring or the text was altered. */
export function unseal(ring: Keyring, purpose: KeyPurpose, sealed: string, aad = purpose): string {
  const m = SEALED.exec(sealed);
  if (!m) throw new Error('not a sealed value');
  const secret = secretForKeyId(ring, m[1]!);
  if (!secret) throw new Error(`sealed with a retired secret (key id ${m[1]})`);
  const decipher = createDecipheriv('aes-256-gcm', purposeKey(secret, purpose), Buffer.from(m[2]!, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(m[4]!, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(m[3]!, 'base64url')), decipher.final()]).toString('utf8');
}
