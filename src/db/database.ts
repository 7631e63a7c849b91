import v8 from 'node:v8';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, type LogConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { ensurePrivateDir } from '../lib/private-dir.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { PreparingClient } from './prepared-client.ts';
import type { DB } from './types.ts';

export type Db = Kysely<DB>;

export interface DatabaseSettings {
  /** PostgreSQL connection string; absent → embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database, or 'memory'. */
  dataDir: string;
  /**
   * Embedded only: PostgreSQL's shared_buffers in MB. PGlite's default (128 MB) lives in the
   * WebAssembly heap and is touched at start: most of the process's memory (bench/README.md).
   */
  sharedBuffersMb?: number | undefined;
  /**
   * Embedded only: false (default) keeps the engine's WebAssembly on V8's baseline compiler
   * (Liftoff); V8's default also recompiles hot functions with its optimising compiler, which
   * made the process ~65 MB larger (beyond the 250 MB target under load) for ~10 % less CPU per
   * call (bench/README.md).
   */
  wasmTierUp?: boolean | undefined;
  /** Embedded only: start from this dump of a data directory (tests: faster than initdb). */
  snapshot?: Blob | undefined;
  poolSize?: number | undefined;
  /** Query log hook (profiling: bench/profile-queries.ts). */
  log?: LogConfig | undefined;
}

const embedded = new WeakMap<Db, PGlite>();
const postgresUrls = new WeakMap<Db, string>();

const INT8 = 20;
const DATE = 1082;

// bigint columns hold centavos and ids: far below 2^53, so plain numbers are safe and simpler.
const parseInt8 = (value: string) => Number(value);
const keepDateText = (value: string) => value;

/** The settings of the configured database (server, CLI commands). */
export const databaseSettingsOf = (config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedSharedBuffersMb' | 'embeddedWasmTierUp'>): DatabaseSettings => ({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  sharedBuffersMb: config.embeddedSharedBuffersMb,
  wasmTierUp: config.embeddedWasmTierUp,
});

export async function openDatabase(settings: DatabaseSettings): Promise<Db> {
  const log = settings.log ? { log: settings.log } : {};
  if (settings.databaseUrl) {
    const db = new Kysely<DB>({ dialect: postgresDialect(settings), ...log });
    postgresUrls.set(db, settings.databaseUrl);
    return db;
  }
  const pglite = await openPGlite(settings);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), ...log });
  embedded.set(db, pglite);
  return db;
}

function postgresDialect(settings: DatabaseSettings): PostgresDialect {
  const typeParsers = {
    getTypeParser(oid: number, format?: string) {
      if (oid === INT8) return parseInt8;
      if (oid === DATE) return keepDateText;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({
    connectionString: settings.databaseUrl,
    max: settings.poolSize ?? 10,
    Client: PreparingClient,
    // While PostgreSQL is down or restarting, a call fails in seconds (MK 098) instead of hanging.
    connectionTimeoutMillis: 5_000,
    types: typeParsers as pg.CustomTypesConfig,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}

async function openPGlite(settings: DatabaseSettings): Promise<PGlite> {
  const inMemory = settings.dataDir === 'memory';
  if (!inMemory) ensurePrivateDir(settings.dataDir);
  // Read by V8 when the engine's module is compiled, i.e. inside PGlite.create.
  v8.setFlagsFromString(settings.wasmTierUp === true ? '--no-liftoff-only' : '--liftoff-only');
  const pglite = await PGlite.create(inMemory ? undefined : settings.dataDir, {
    extensions: { pg_trgm, unaccent, citext },
    parsers: { [INT8]: parseInt8, [DATE]: keepDateText, [pgliteTypes.NUMERIC]: (v: string) => v },
    ...(settings.snapshot ? { loadDataDir: settings.snapshot } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${settings.sharedBuffersMb ?? 16}MB`],
  });
  // The engine writes new files world-readable (0666); the directory (0700) already shuts
  // others out, and this keeps the files themselves private too.
  if (!inMemory) ensurePrivateDir(settings.dataDir);
  return pglite;
}

/** Embedded only: an uncompressed tar of the whole database, loadable as `snapshot`. */
export async function dumpEmbedded(db: Db): Promise<Blob | null> {
  const pglite = embedded.get(db);
  return pglite ? pglite.dumpDataDir('none') : null;
}

/** PostgreSQL's connection string of a database opened by openDatabase; null on the embedded engine. */
export function postgresUrlOf(db: Db): string | null {
  return postgresUrls.get(db) ?? null;
}

/** Which engine runs, for diagnostics (`/ready`) only. */
export function engineOf(db: Db): 'postgresql' | 'embedded' {
  return embedded.has(db) ? 'embedded' : 'postgresql';
}

export interface NotificationHandlers {
  /** A NOTIFY on the channel was committed, with this payload. */
  onNotify(payload: string): void;
  /** Listening works (again): from now on every NOTIFY is seen. */
  onListening(): void;
  /** The listener lost its connection: NOTIFYs may be missed until onListening. */
  onLost(): void;
}

/**
 * LISTENs on `channel`: embedded, on the one PGlite session (call before serving, outside any
 * transaction); PostgreSQL, on a dedicated connection that reconnects every second after a loss.
 * Returns the stopper.
 */
export async function listenForNotifications(db: Db, channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>> {
  const pglite = embedded.get(db);
  if (pglite) {
    const unlisten = await pglite.listen(channel, (payload) => handlers.onNotify(payload));
    handlers.onListening();
    return () => unlisten();
  }
  const url = postgresUrls.get(db);
  if (!url) throw new Error('listenForNotifications: unknown database');
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    retry = null;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    const lost = () => {
      if (client !== c) return;
      client = null;
      handlers.onLost();
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), 1_000);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => n.channel === channel && handlers.onNotify(n.payload ?? ''));
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (client === c && !stopped) handlers.onListening();
    } catch {
      lost();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}
