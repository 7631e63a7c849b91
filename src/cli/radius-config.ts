import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config.ts';
import { FREERADIUS_DEFAULTS, freeradiusConfig } from '../modules/radius/freeradius-config.ts';

export interface RadiusConfigArgs {
  out?: string;
  listen?: string;
  authPort?: string;
  acctPort?: string;
  freeradiusDir?: string;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new ConfigError(`${name} must be a port number (1-65535)`);
  return n;
}

/** `provedor radius-config [--out DIR]`: prints, or writes DIR/radiusd.conf for `freeradius -d DIR`. */
export function radiusConfigCommand(databaseUrl: string | undefined, args: RadiusConfigArgs): number {
  if (!databaseUrl) {
    throw new ConfigError(
      'radius-config needs PostgreSQL: the embedded database has no network socket FreeRADIUS could connect to. ' +
        'Set DATABASE_URL=postgres://… (the database Provedor runs on) and run it again.',
    );
  }
  const listen = args.listen ?? FREERADIUS_DEFAULTS.listenAddress;
  if (listen !== '*' && !/^[0-9a-fA-F.:]{2,45}$/.test(listen)) throw new ConfigError('--listen must be an IP address or *');
  const dir = resolve(args.out ?? '/etc/freeradius/provedor');
  const text = freeradiusConfig({
    databaseUrl,
    dir,
    freeradiusDir: args.freeradiusDir ?? FREERADIUS_DEFAULTS.freeradiusDir,
    listenAddress: listen,
    authPort: port(args.authPort, FREERADIUS_DEFAULTS.authPort, '--auth-port'),
    acctPort: port(args.acctPort, FREERADIUS_DEFAULTS.acctPort, '--acct-port'),
  });
  if (!args.out) {
    process.stdout.write(text);
    return 0;
  }
  mkdirSync(resolve(dir, 'log'), { recursive: true });
  mkdirSync(resolve(dir, 'run'), { recursive: true });
  // It holds the database password.
  writeFileSync(resolve(dir, 'radiusd.conf'), text, { mode: 0o640 });
  console.log(`wrote ${resolve(dir, 'radiusd.conf')}; start it with: freeradius -f -d ${dir}`);
  return 0;
}
