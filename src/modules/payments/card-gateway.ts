import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
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

/** AES-256-GCM with a key derived from the server secret; random 96-bit IV per card. */
export class BuiltInVault implements CardGateway {
  readonly #key: Buffer;
  constructor(secretKey: string) {
    this.#key = createHash('sha256').update(`provedor-card-vault:${secretKey}`).digest();
  }

  async tokenize(conn: Db | Tx, card: CardData, _cvv: string, at: Date): Promise<{ vaultToken: string }> {
    const token = `vlt_${randomBytes(24).toString('base64url')}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv);
    cipher.setAAD(Buffer.from(token));
    const plain = JSON.stringify({ n: card.number, m: card.expiryMonth, y: card.expiryYear, h: card.holder });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    await conn
      .insertInto('card_vault_entries')
      .values({
        token,
        iv: iv.toString('base64url'),
        ciphertext: ciphertext.toString('base64url'),
        auth_tag: cipher.getAuthTag().toString('base64url'),
        created_at: at,
      })
      .execute();
    return { vaultToken: token };
  }

  /** The card behind a token, for charging it; throws if the entry was tampered with. */
  async reveal(conn: Db | Tx, token: string): Promise<CardData | null> {
    const row = await conn.selectFrom('card_vault_entries').select(['iv', 'ciphertext', 'auth_tag']).where('token', '=', token).executeTakeFirst();
    if (!row) return null;
    const decipher = createDecipheriv(ALGORITHM, this.#key, Buffer.from(row.iv, 'base64url'));
    decipher.setAAD(Buffer.from(token));
    decipher.setAuthTag(Buffer.from(row.auth_tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(row.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    const p = JSON.parse(plain) as { n: string; m: number; y: number; h: string };
    return { number: p.n, expiryMonth: p.m, expiryYear: p.y, holder: p.h };
  }
}
