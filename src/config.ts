import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts';
import { ensurePrivateDir, PrivateDirError } from './lib/private-dir.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Embedded engine only: PostgreSQL's shared_buffers, in MB (most of the process's memory). */
  embeddedSharedBuffersMb: number;
  /** Embedded only: let V8 recompile the engine's hot WebAssembly with its optimising compiler. */
  embeddedWasmTierUp: boolean;
  /** false, a hop count, or the proxies' addresses/CIDRs (never `true`: see http/trust-proxy.ts). */
  trustProxy: TrustProxy;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demo: boolean;
  demoCustomers: number;
  /** Server secret: keys the contra-senha lookup hash and signs download links. */
  secretKey: string;
  /** Base URL clients use to reach this server (download links); derived from HOST/PORT if unset. */
  publicUrl: string;
  activityRetentionDays: number;
  /** Where the built-in SMS provider POSTs messages; unset = messages stay queued in the outbox. */
  smsWebhookUrl: string | undefined;
  /** WSMKLDViaSMS: a repeat for the same invoice within this many minutes queues nothing (0 = off). */
  smsInvoiceDedupMinutes: number;
  /** WSMKLDViaSMS: digitable-line SMS per customer per rolling 24 h. */
  smsDailyLimitPerCustomer: number;
  /** Retired server secrets, still accepted to read data they encrypted (card vault, outbox). */
  previousSecretKeys: string[];
  /** Largest file a multipart upload may carry unless its parameter says otherwise (bytes). */
  uploadMaxBytes: number;
  /** SMTP server of the e-mail outbox (`smtp://user:pass@host:587?from=…`); unset = e-mails stay queued. */
  smtpUrl: string | undefined;
  /** Seconds between runs of the blocking job (scheduled blocks, self-unblock expiry); 0 = off. */
  blockingJobIntervalSeconds: number;
  /** Seconds between runs of the RADIUS Disconnect/CoA worker (radius_outbox); 0 = off. */
  radiusCoaIntervalSeconds: number;
  /** Benchmarks only: false stops recording webservice calls in the activity log. */
  activityLog: boolean;
}

type Parser<T> = (raw: string) => T;

interface Setting<T> {
  key: keyof Config;
  parse: Parser<T>;
  default?: T;
  help: string;
}

export class ConfigError extends Error {}

const int = (min: number, max: number): Parser<number> => (raw) => {
  if (!/^\d+$/.test(raw)) throw new ConfigError(`must be a whole number between ${min} and ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`must be between ${min} and ${max}`);
  return n;
};
const bool: Parser<boolean> = (raw) => {
  const v = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  throw new ConfigError('must be true or false');
};
const text: Parser<string> = (raw) => raw;
const url: Parser<string> = (raw) => {
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError('must be an absolute URL');
  }
};
const secretList: Parser<string[]> = (raw) => {
  const list = raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (list.some((v) => v.length < 32)) throw new ConfigError('each secret must have at least 32 characters');
  return list;
};
const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (raw) => {
    if (!values.includes(raw as T)) throw new ConfigError(`must be one of ${values.join(', ')}`);
    return raw as T;
  };

const SETTINGS: Record<string, Setting<unknown>> = {
  PORT: { key: 'port', parse: int(0, 65535), default: 8080, help: 'HTTP port' },
  HOST: { key: 'host', parse: text, default: '127.0.0.1', help: 'address to listen on' },
  DATABASE_URL: { key: 'databaseUrl', parse: url, help: 'PostgreSQL URL; unset = embedded database' },
  DATA_DIR: { key: 'dataDir', parse: text, default: './data', help: 'embedded database and files' },
  EMBEDDED_SHARED_BUFFERS_MB: {
    key: 'embeddedSharedBuffersMb',
    parse: int(1, 4096),
    default: 16,
    help: "embedded database: PostgreSQL's shared_buffers in MB (memory vs disk reads)",
  },
  EMBEDDED_WASM_TIER_UP: {
    key: 'embeddedWasmTierUp',
    parse: bool,
    default: false,
    help: "embedded database: also compile the engine's hot code with V8's optimising compiler (~10 % less CPU per call, ~65 MB more memory)",
  },
  TRUST_PROXY: {
    key: 'trustProxy',
    parse: parseTrustProxy,
    default: false,
    help: 'proxies in front: hop count or their IPs/CIDRs (true refused)',
  },
  LOG_LEVEL: {
    key: 'logLevel',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    default: 'info',
    help: 'log verbosity',
  },
  DEMO: { key: 'demo', parse: bool, default: false, help: 'seed demo data when the database is empty' },
  DEMO_CUSTOMERS: { key: 'demoCustomers', parse: int(1, 1_000_000), default: 200, help: 'demo size' },
  SECRET_KEY: { key: 'secretKey', parse: text, help: 'server secret (≥ 32 chars)' },
  PUBLIC_URL: { key: 'publicUrl', parse: url, help: 'base URL for download links' },
  ACTIVITY_RETENTION_DAYS: {
    key: 'activityRetentionDays',
    parse: int(1, 3650),
    default: 90,
    help: 'days of activity log kept',
  },
  SMS_WEBHOOK_URL: { key: 'smsWebhookUrl', parse: url, help: 'HTTP endpoint of the SMS provider' },
  SMS_INVOICE_DEDUP_MINUTES: {
    key: 'smsInvoiceDedupMinutes',
    parse: int(0, 1440),
    default: 30,
    help: 'WSMKLDViaSMS: minutes in which a repeat for one invoice is not sent again',
  },
  SMS_DAILY_LIMIT_PER_CUSTOMER: {
    key: 'smsDailyLimitPerCustomer',
    parse: int(1, 1000),
    default: 5,
    help: 'WSMKLDViaSMS: SMS per customer per 24 h',
  },
  PREVIOUS_SECRET_KEYS: {
    key: 'previousSecretKeys',
    parse: secretList,
    default: [],
    help: 'retired SECRET_KEYs (comma-separated), kept to read what they encrypted',
  },
  UPLOAD_MAX_BYTES: {
    key: 'uploadMaxBytes',
    parse: int(1024, 100 * 1024 * 1024),
    default: 5 * 1024 * 1024,
    help: 'largest uploaded file (multipart), in bytes',
  },
  SMTP_URL: { key: 'smtpUrl', parse: (raw) => smtpUrl(raw), help: 'SMTP server for e-mails: smtp[s]://user:pass@host:port?from=addr' },
  BLOCKING_JOB_INTERVAL_SECONDS: {
    key: 'blockingJobIntervalSeconds',
    parse: int(0, 86_400),
    default: 60,
    help: 'seconds between blocking job runs (scheduled blocks, self-unblock expiry); 0 = off',
  },
  ACTIVITY_LOG: {
    key: 'activityLog',
    parse: bool,
    default: true,
    help: 'record every webservice call in the activity log (turn off only to measure its cost)',
  },
  RADIUS_COA_INTERVAL_SECONDS: {
    key: 'radiusCoaIntervalSeconds',
    parse: int(0, 3600),
    default: 5,
    help: 'seconds between runs of the RADIUS Disconnect/CoA worker (radius_outbox); 0 = off',
  },
};

function smtpUrl(raw: string): string {
  const parsed = url(raw);
  if (!/^smtps?:$/.test(new URL(parsed).protocol)) throw new ConfigError('must start with smtp:// or smtps://');
  return parsed;
}

export const SETTING_NAMES = Object.keys(SETTINGS);

/**
 * Reads every setting from the environment (NAME or PROVEDOR_NAME). Unknown PROVEDOR_* names and
 * invalid values stop the start with a message naming the setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  for (const name of Object.keys(env)) {
    if (name.startsWith('PROVEDOR_') && !(name.slice(9) in SETTINGS)) {
      problems.push(`${name}: unknown setting (known: ${SETTING_NAMES.join(', ')})`);
    }
  }
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const raw = env[`PROVEDOR_${name}`] ?? env[name];
    if (raw === undefined || raw === '') {
      values[setting.key] = setting.default;
      continue;
    }
    try {
      values[setting.key] = setting.parse(raw.trim());
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message} (got "${raw}")`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  const partial = { ...values, ...overrides } as Config;
  partial.dataDir = resolve(partial.dataDir);
  if (partial.secretKey !== undefined && partial.secretKey.length < 32) {
    throw new ConfigError('invalid configuration:\n  SECRET_KEY: must have at least 32 characters');
  }
  partial.secretKey ??= persistentSecret(partial.dataDir);
  partial.publicUrl ??= `http://${partial.host === '0.0.0.0' ? '127.0.0.1' : partial.host}:${partial.port}`;
  return partial;
}

/** Without SECRET_KEY, a random secret is created once in DATA_DIR so restarts keep it. */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  try {
    ensurePrivateDir(dataDir);
  } catch (e) {
    throw e instanceof PrivateDirError ? new ConfigError(e.message) : e;
  }
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function describeSettings(): string {
  return Object.entries(SETTINGS)
    .map(([name, s]) => `${name}\t${s.default ?? ''}\t${s.help}`)
    .join('\n');
}
