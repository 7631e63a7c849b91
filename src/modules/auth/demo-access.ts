import type { Db } from '../../db/database.ts';
import { withTransaction } from '../../db/transaction.ts';
import { hashPassword } from '../../lib/password.ts';
import { sha256Hex } from '../../lib/tokens.ts';
import { contraSenhaHash } from './contra-senha-lookup.ts';
import { ALL_SERVICES } from '../../http/endpoint.ts';

/** Demo-only credentials, printed in the README. Never created outside demo mode. */
export const DEMO_ACCESS = {
  operatorLogin: 'demo',
  operatorPassword: 'demo1234',
  operatorToken: 'demo-token',
  contraSenha: 'demo1234',
} as const;

export async function seedDemoAccess(db: Db, opts: { secretKey: string; now: Date }): Promise<Record<string, number>> {
  const year = opts.now.getUTCFullYear();
  return withTransaction(db, async (tx) => {
    const operator = await tx
      .insertInto('operators')
      .values({
        login: DEMO_ACCESS.operatorLogin,
        name: 'Operador de demonstração',
        password_hash: await hashPassword(DEMO_ACCESS.operatorPassword),
        api_token_hash: sha256Hex(DEMO_ACCESS.operatorToken),
        is_admin: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const general = await tx
      .insertInto('ws_profiles')
      .values({
        kind: 'general',
        description: 'Perfil de demonstração (todos os serviços)',
        expiry_minutes: 60,
        single_use: false,
        secret_hmac: contraSenhaHash({ secretKey: opts.secretKey }, DEMO_ACCESS.contraSenha),
        created_by: operator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const specific = await tx
      .insertInto('ws_profiles')
      .values({
        kind: 'specific',
        description: `Autorização específica de demonstração (${year})`,
        expiry_minutes: 60,
        starts_on: `${year}-01-01`,
        ends_on: `${year}-12-31`,
        created_by: operator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const profileId of [general.id, specific.id]) {
      await tx.insertInto('ws_profile_operators').values({ profile_id: profileId, operator_id: operator.id }).execute();
      await tx.insertInto('ws_profile_services').values({ profile_id: profileId, service_code: ALL_SERVICES }).execute();
    }
    return { operators: 1, ws_profiles: 2 };
  });
}
