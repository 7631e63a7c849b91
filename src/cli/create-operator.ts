import { randomBytes } from 'node:crypto';
import { type Config, ConfigError } from '../config.ts';
import { databaseSettingsOf, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { hashPassword } from '../lib/password.ts';
import { newApiToken, sha256Hex } from '../lib/tokens.ts';

/** Creates an operator with a random password and API token, printed once and stored hashed. */
export async function createOperatorCommand(
  config: Config,
  args: { login: string | undefined; name: string | undefined; admin: boolean },
): Promise<number> {
  if (!args.login || !/^[A-Za-z0-9._@-]{2,60}$/.test(args.login)) {
    throw new ConfigError('--login is required: 2–60 letters, digits or . _ @ -');
  }
  const password = randomBytes(12).toString('base64url');
  const token = newApiToken();
  const db = await openDatabase(databaseSettingsOf(config));
  try {
    await migrate(db);
    const exists = await db.selectFrom('operators').select('id').where('login', '=', args.login).executeTakeFirst();
    if (exists) throw new ConfigError(`operator "${args.login}" already exists`);
    const row = await db
      .insertInto('operators')
      .values({
        login: args.login,
        name: args.name ?? args.login,
        password_hash: await hashPassword(password),
        api_token_hash: sha256Hex(token),
        is_admin: args.admin,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    console.log(`operator ${args.login} created (id ${row.id})`);
    console.log(`password:  ${password}`);
    console.log(`API token: ${token}   (the "token" of WSAutenticacao; shown only now)`);
    return 0;
  } finally {
    await db.destroy();
  }
}
