import type { Db } from '../../db/database.ts';
import { type Keyring, purposeHmacHex, secretsOf } from '../../lib/keys.ts';
import { hmacHex } from '../../lib/tokens.ts';
import { findGeneralProfileBySecret } from './auth.repository.ts';

/** What `ws_profiles.secret_hmac` stores: HMAC under the contra-senha purpose key of SECRET_KEY. */
export const contraSenhaHash = (ring: Keyring, contraSenha: string): string => purposeHmacHex(ring.secretKey, 'contra-senha', contraSenha);

/**
 * Every hash a stored contra-senha may have: the current one first, then those of retired
 * secrets and the pre-HKDF form (HMAC keyed with the raw secret), which older versions stored.
 */
export function contraSenhaCandidates(ring: Keyring, contraSenha: string): string[] {
  return secretsOf(ring).flatMap((s) => [purposeHmacHex(s, 'contra-senha', contraSenha), hmacHex(s, contraSenha)]);
}

/** The general profile of a contra-senha; a row still in an older form is rewritten to the current one. */
export async function findProfileByContraSenha(db: Db, ring: Keyring, contraSenha: string) {
  const [current, ...older] = contraSenhaCandidates(ring, contraSenha);
  const profile = await findGeneralProfileBySecret(db, current!);
  if (profile) return profile;
  for (const hash of older) {
    const found = await findGeneralProfileBySecret(db, hash);
    if (!found) continue;
    await db.updateTable('ws_profiles').set({ secret_hmac: current! }).where('id', '=', found.id).where('secret_hmac', '=', hash).execute();
    return found;
  }
  return undefined;
}
