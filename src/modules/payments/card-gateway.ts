import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { type Keyring, keyIdOf, purposeKey, secretForKeyId, secretsOf } from '../../lib/keys.ts';
import type { Tx } from '../../db/transaction.ts';

export interface CardData {
  number: string;
  expiryMonth: number;
  expiryYear: number;
  holder: string;
}

/**
 * Where card numbers go. The built-in vault keeps them encrypted in this database; an acquirer
 * integration (Cielo, Rede…) implements the same interface with its own tokenisation API.
 * The CVV is handed over for the acquirer's verification and never stored by either.
 */
export interface CardGateway {
  tokenize(conn: Db | Tx, card: CardData, cvv: string, at: Date): Promise<{ vaultToken: string }>;
}

const ALGORITHM = 'aes-256-gcm';

interface SealedCard {
  iv: string;
  ciphertext: string;
  auth_tag: string;
  key_id: string;
}

/**
 * AES-256-GCM under the card-vault purpose key of SECRET_KEY (HKDF); random 96-bit IV per card;
 * the token is the AAD. Each entry records the key id of the secret that encrypted it, so entries
 * of a retired secret (PREVIOUS_SECRET_KEYS) still open and `rewrap` moves them to the current one.
 */
export class BuiltInVault implements CardGateway {
  readonly #ring: Keyring;
  constructor(ring: Keyring | string) {
    this.#ring = typeof ring === 'string' ? { secretKey: ring } : ring;
  }

  #seal(token: string, card: CardData): SealedCard {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, purposeKey(this.#ring.secretKey, 'card-vault'), iv);
    cipher.setAAD(Buffer.from(token));
    const plain = JSON.stringify({ n: card.number, m: card.expiryMonth, y: card.expiryYear, h: card.holder });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return {
      iv: iv.toString('base64url'),
      ciphertext: ciphertext.toString('base64url'),
      auth_tag: cipher.getAuthTag().toString('base64url'),
      key_id: keyIdOf(this.#ring.secretKey),
    };
  }

  #keysFor(keyId: string): Buffer[] {
    if (keyId === 'legacy') return secretsOf(this.#ring).map((s) => createHash('sha256').update(`provedor-card-vault:${s}`).digest());
    const secret = secretForKeyId(this.#ring, keyId);
    if (!secret) throw new Error(`card vault entry encrypted with a retired secret (key id ${keyId})`);
    return [purposeKey(secret, 'card-vault')];
  }

  #open(token: string, row: SealedCard): CardData {
    let lastError: unknown;
    for (const key of this.#keysFor(row.key_id)) {
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(row.iv, 'base64url'));
        decipher.setAAD(Buffer.from(token));
        decipher.setAuthTag(Buffer.from(row.auth_tag, 'base64url'));
        const plain = Buffer.concat([decipher.update(Buffer.from(row.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
        const p = JSON.parse(plain) as { n: string; m: number; y: number; h: string };
        return { number: p.n, expiryMonth: p.m, expiryYear: p.y, holder: p.h };
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError;
  }

  async tokenize(conn: Db | Tx, card: CardData, _cvv: string, at: Date): Promise<{ vaultToken: string }> {
    const token = `vlt_${randomBytes(24).toString('base64url')}`;
    await conn.insertInto('card_vault_entries').values({ token, ...this.#seal(token, card), created_at: at }).execute();
    return { vaultToken: token };
  }

  /** The card behind a token, for charging it; throws if the entry was tampered with. */
  async reveal(conn: Db | Tx, token: string): Promise<CardData | null> {
    const row = await conn
      .selectFrom('card_vault_entries')
      .select(['iv', 'ciphertext', 'auth_tag', 'key_id'])
      .where('token', '=', token)
      .executeTakeFirst();
    return row ? this.#open(token, row) : null;
  }

  /**
   * Re-encrypts up to `limit` entries not under the current secret; answers how many moved.
   * Entries whose key is no longer in the ring are left alone (they cannot be opened anyway).
   */
  async rewrap(db: Db | Tx, limit: number): Promise<number> {
    const current = keyIdOf(this.#ring.secretKey);
    const known = new Set(['legacy', ...secretsOf(this.#ring).map(keyIdOf)]);
    const rows = await db
      .selectFrom('card_vault_entries')
      .select(['token', 'iv', 'ciphertext', 'auth_tag', 'key_id'])
      .where('key_id', '<>', current)
      .where('key_id', 'in', [...known])
      .orderBy('token')
      .limit(limit)
      .execute();
    let moved = 0;
    for (const row of rows) {
      let card: CardData;
      try {
        card = this.#open(row.token, row);
      } catch {
        continue; // altered entry: left as it is, reveal() keeps refusing it
      }
      const sealed = this.#seal(row.token, card);
      const r = await db
        .updateTable('card_vault_entries')
        .set(sealed)
        .where('token', '=', row.token)
        .where('key_id', '=', row.key_id)
        .where('ciphertext', '=', row.ciphertext)
        .executeTakeFirst();
      moved += Number(r.numUpdatedRows);
    }
    return moved;
  }
}
