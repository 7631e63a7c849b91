import { parseArgs } from 'node:util';
import { ConfigError, describeSettings, loadConfig } from './config.ts';
import { PrivateDirError } from './lib/private-dir.ts';
import { databaseSettingsOf, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { isDatabaseEmpty, seedDemo } from './db/seed/index.ts';
import { progressBar } from './cli/progress.ts';
import { createOperatorCommand } from './cli/create-operator.ts';
import { radiusConfigCommand } from './cli/radius-config.ts';
import { startServer } from './main.ts';

const USAGE = `usage: provedor <command>
  serve [--demo]                                   start the HTTP server
  migrate                                          apply database migrations
  seed --demo [--customers N] [--seed S]           fill an empty database with demo data
  create-operator --login L [--name N] [--admin]   create an operator and print its API token
  radius-config [--out DIR] [--listen IP] [--auth-port N] [--acct-port N] [--freeradius-dir D]
                                                   FreeRADIUS config on this PostgreSQL database

settings (environment variables, also accepted as PROVEDOR_<NAME>):
${describeSettings()}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      demo: { type: 'boolean', default: false },
      customers: { type: 'string' },
      seed: { type: 'string', default: '1' },
      login: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
      out: { type: 'string' },
      listen: { type: 'string' },
      'auth-port': { type: 'string' },
      'acct-port': { type: 'string' },
      'freeradius-dir': { type: 'string' },
    },
  });
  const config = loadConfig(process.env, values.demo ? { demo: true } : {});
  switch (command) {
    case 'serve':
      await startServer(config);
      return -1;
    case 'migrate': {
      const db = await openDatabase(databaseSettingsOf(config));
      const ran = await migrate(db);
      await db.destroy();
      console.log(ran.length ? `applied: ${ran.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'seed':
      return seedCommand(config, values);
    case 'create-operator':
      return createOperatorCommand(config, { login: values.login, name: values.name, admin: values.admin });
    case 'radius-config':
      return radiusConfigCommand(config.databaseUrl, {
        out: values.out, listen: values.listen, authPort: values['auth-port'], acctPort: values['acct-port'],
        freeradiusDir: values['freeradius-dir'],
      });
    default:
      console.error(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

async function seedCommand(
  config: ReturnType<typeof loadConfig>,
  values: { demo?: boolean; customers?: string; seed?: string },
): Promise<number> {
  if (!values.demo) throw new ConfigError('seed needs --demo (only demo data can be generated)');
  const customers = Number(values.customers ?? config.demoCustomers);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(customers) || customers < 1) throw new ConfigError('--customers must be a positive integer');
  if (!Number.isInteger(seed)) throw new ConfigError('--seed must be an integer');
  const db = await openDatabase(databaseSettingsOf(config));
  try {
    await migrate(db);
    if (!(await isDatabaseEmpty(db))) {
      throw new ConfigError('the database already has data; demo data goes only into an empty database');
    }
    const started = Date.now();
    const counts = await seedDemo(db, {
      customers,
      seed,
      now: new Date(),
      secretKey: config.secretKey,
      onProgress: progressBar('seeding'),
    });
    console.log(`demo data created in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof PrivateDirError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`provedor: ${(err as Error).message}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
