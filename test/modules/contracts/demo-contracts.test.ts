import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import { seedDemoContracts } from '../../../src/db/seed/demo-contracts.ts';
import { seedDomain } from '../../../src/db/seed/domain/index.ts';
import { freshDatabase } from '../../support/test-db.ts';

const NOW = new Date('2026-06-15T13:00:00Z');

async function seeded(): Promise<{ db: Db; counts: Record<string, number> }> {
  const db = await freshDatabase();
  await seedDomain(db, { customers: 20, seed: 7, now: NOW });
  return { db, counts: await seedDemoContracts(db, { now: NOW }) };
}

const contractsOf = (db: Db) =>
  db
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .select(['k.id', 'k.status', 'k.signed_on', 'k.access_plan_id', 'k.billing_method'])
    .where('c.document', '=', '52998224725')
    .orderBy('k.id')
    .execute();

describe('demo seed: contracts of the documented customer', () => {
  let a: { db: Db; counts: Record<string, number> };
  let b: { db: Db; counts: Record<string, number> };
  before(async () => {
    a = await seeded();
    b = await seeded();
  });
  after(async () => {
    await a?.db.destroy();
    await b?.db.destroy();
  });

  test('CPF 52998224725 keeps an active contract and gets one awaiting activation with every term pending', async () => {
    const rows = await contractsOf(a.db);
    assert.deepEqual(rows.map((r) => r.status), ['active', 'awaiting_activation']);
    const addOn = rows[1];
    assert.equal(addOn?.signed_on, '2026-06-14');
    assert.equal(addOn?.billing_method, 'invoice_per_charge');
    const pending = await a.db.selectFrom('contract_acceptances').select(['status']).where('contract_id', '=', addOn?.id ?? 0).execute();
    assert.ok(pending.length > 0);
    assert.ok(pending.every((p) => p.status === 'pending'));
    assert.equal(a.counts.demo_pending_acceptances, pending.length);
  });

  test('deterministic: the same rows for the same seed and now', async () => {
    assert.deepEqual(await contractsOf(a.db), await contractsOf(b.db));
    assert.deepEqual(a.counts, b.counts);
  });
});
