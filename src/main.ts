import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { databaseSettingsOf, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { isDatabaseEmpty, seedDemo } from './db/seed/index.ts';
import { systemClock } from './http/context.ts';
import { progressBar } from './cli/progress.ts';

const SHUTDOWN_GRACE_MS = 4500;

/** Opens the database, migrates, seeds demo data when asked and empty, and listens. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const db = await openDatabase(databaseSettingsOf(config));
  await migrate(db);
  if (config.demo && (await isDatabaseEmpty(db))) {
    const counts = await seedDemo(db, {
      customers: config.demoCustomers,
      seed: 1,
      now: systemClock.now(),
      secretKey: config.secretKey,
      onProgress: progressBar('demo data'),
    });
    console.error(`demo data created: ${JSON.stringify(counts)}`);
  }
  const app = await buildApp({
    config,
    db,
    clock: systemClock,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  app.addHook('onClose', async () => db.destroy());
  await app.listen({ port: config.port, host: config.host });
  installShutdown(app);
  return app;
}

function installShutdown(app: FastifyInstance): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Whatever happens inside close(), the process is gone before the 5 s a supervisor waits.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
