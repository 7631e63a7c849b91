import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { seedDemoAccess } from '../../modules/auth/demo-access.ts';
import { seedDemoConnections } from './demo-connections.ts';
import { seedDemoCrm } from './demo-crm.ts';
import { seedDemoContracts } from './demo-contracts.ts';
import { seedDomain } from './domain/index.ts';
import { seedDemoPlans } from './demo-plans.ts';
import { seedDemoService } from './demo-service.ts';

export interface DemoSeedOptions {
  customers: number;
  seed: number;
  now: Date;
  secretKey: string;
  onProgress?: (done: number, total: number) => void;
}

/** True when nothing has been created yet: demo data goes only into an empty database. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from operators`.execute(db);
  return (rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, opts: DemoSeedOptions): Promise<Record<string, number>> {
  const counts = await seedDemoAccess(db, { secretKey: opts.secretKey, now: opts.now });
  Object.assign(counts, await seedDomain(db, opts));
  Object.assign(counts, await seedDemoCrm(db));
  Object.assign(counts, await seedDemoContracts(db, opts));
  Object.assign(counts, await seedDemoConnections(db, opts.now));
  Object.assign(counts, await seedDemoPlans(db, opts.now));
  Object.assign(counts, await seedDemoService(db, opts.now));
  return counts;
}
