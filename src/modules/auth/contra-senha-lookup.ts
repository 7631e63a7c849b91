import type { Db } from '../../db/database.ts';
import { type Keyring, purposeHmacHex, secretsOf } from '../../lib/keys.ts';
import { hmacHex } from '../../lib/tokens.ts';

/** What `ws_profiles.secret_hmac` stores: HMAC under the contra-senha purpose key of SECRET_KEY. */
export const contraSenhaHash = (ring: Keyring, contraSenha: string): string => purposeHmacHex(ring.secretKey, 'contra-senha', contraSenha);

/**
 * Every hash a stored contra-senha may have: the current one first, then those of retired
 * secrets and the pre-HKDF form (HMAC keyed with the raw secret), which older versions stored.
 */
export function contraSenhaCandidates(ring: Keyring, contraSenha: string): string[] {
  return secretsOf(ring).flatMap((s) => [purposeHmacHex(s, 'contra-senha', contraSenha), hmacHex(s, contraSenha)]);
}

/**
 * A general profile whose contra-senha is stored in an older form (retired key, pre-HKDF) is
 * rewritten to the current one; true when one was. WSAutenticacao looks up the current form
 * first and calls this only when that found nothing.
 */
export async function upgradeOlderContraSenha(db: Db, ring: Keyring, contraSenha: string): Promise<boolean> {
  const [current, ...older] = contraSenhaCandidates(ring, contraSenha);
  for (const hash of older) {
    const r = await db
      .updateTable('ws_profiles')
      .set({ secret_hmac: current! })
      .where('secret_hmac', '=', hash)
      .where('kind', '=', 'general')
      .executeTakeFirst();
    if (r.numUpdatedRows > 0n) return true;
  }
  return false;
}
