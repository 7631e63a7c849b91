import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { Module } from '../../src/modules/module.ts';
import { freshDatabase } from './test-db.ts';
import { TestClock } from './test-clock.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-secret-key-0123456789abcdef0123456789';

/** The real app on a fresh database of its own, with a settable clock and quiet logs. */
export async function buildTestApp(
  options: { modules?: Module[]; config?: Partial<Config>; clock?: TestClock; logLines?: string[] } = {},
): Promise<TestApp> {
  const db = await freshDatabase();
  const clock = options.clock ?? new TestClock();
  const config = loadConfig(
    {},
    {
      dataDir: '.tmp/test-data',
      secretKey: TEST_SECRET,
      logLevel: 'silent',
      publicUrl: 'http://provedor.test',
      // Background jobs stay off in tests; tests run a job's pass explicitly.
      blockingJobIntervalSeconds: 0,
      ...options.config,
    },
  );
  const lines = options.logLines;
  // logLines: capture the JSON log lines (level info) instead of discarding them.
  const logger = lines ? { level: 'info', stream: { write: (line: string) => void lines.push(line) } } : false;
  const app = await buildApp({ config, db, clock, logger, checkResponses: true, ...(options.modules ? { modules: options.modules } : {}) });
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}
