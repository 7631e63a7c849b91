import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BlockingJob } from '../../../src/modules/connections/blocking-job.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { addConnection, connectionAudit, connectionState, createNetwork, type Network } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

const DAY = 86_400_000;

describe('blocking job (self-unblock expiry and scheduled blocks)', () => {
  let t: TestApp;
  let s: Setup;
  let net: Network;
  let job: BlockingJob;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    s = await createBillingSetup(t.db);
    net = await createNetwork(t.db, s);
    job = new BlockingJob(t.db, t.clock, 0);
  });
  after(async () => t.close());

  async function selfUnblocked(paid: boolean) {
    t.clock.set('2026-11-24T12:00:00-03:00');
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id);
    const invoice = await createInvoice(t.db, s, c.id, { contractId: k.id, dueDate: '2026-11-01' });
    const id = await addConnection(t.db, net, c.id, k, { blocked: 'non_payment' });
    const token = await tokenFor(t.db, { now: t.clock.now() });
    assert.equal((await mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao: id, diasexcecao: 2 })).body.status, 'OK');
    if (paid) await t.db.updateTable('invoices').set({ status: 'paid', paid_on: '2026-11-25', paid_amount_cents: 9990 }).where('id', '=', invoice.id).execute();
    return { id, customerId: c.id };
  }

  test('still unpaid after the exception days: blocked again for non-payment, audited as the system', async () => {
    const { id, customerId } = await selfUnblocked(false);
    t.clock.advance(DAY);
    assert.deepEqual((await job.runOnce())?.reblocked, [], 'not before the grace ends');
    t.clock.advance(DAY + 1000);
    const run = await job.runOnce();
    assert.ok(run?.reblocked.includes(id));
    const state = await connectionState(t.db, id);
    assert.equal(state.blocked, true);
    assert.equal(state.block_reason, 'non_payment');
    assert.equal(state.unblocked_until, null);
    const history = await t.db.selectFrom('connection_self_unblocks').select('reblocked_at').where('connection_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(history.reblocked_at?.getTime(), t.clock.now().getTime());
    const last = (await connectionAudit(t.db, id)).at(-1);
    assert.equal(last?.action, 'connection.block');
    assert.equal(last?.actor, 'system');
    const token = await tokenFor(t.db, { now: t.clock.now() });
    const listed = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: customerId });
    assert.equal(listed.body.Conexoes[0].bloqueada, 'Sim');
    assert.equal(
      (await mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao: id })).body.mensagem,
      'Operação indisponível para esta conexão.',
      'the month allowance is spent',
    );
  });

  test('paid during the grace: stays unblocked, the grace mark is cleared', async () => {
    const { id } = await selfUnblocked(true);
    t.clock.advance(3 * DAY);
    const run = await job.runOnce();
    assert.ok(run?.cleared.includes(id));
    const state = await connectionState(t.db, id);
    assert.equal(state.blocked, false);
    assert.equal(state.unblocked_until, null);
  });

  test('scheduled blocks are applied when their time comes, once', async () => {
    t.clock.set('2026-11-24T12:00:00-03:00');
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id);
    const id = await addConnection(t.db, net, c.id, k);
    await t.db.updateTable('connections').set({ scheduled_block_at: new Date(t.clock.now().getTime() + DAY) }).where('id', '=', id).execute();
    assert.deepEqual((await job.runOnce())?.scheduled, []);
    t.clock.advance(DAY);
    assert.deepEqual((await job.runOnce())?.scheduled, [id]);
    const state = await connectionState(t.db, id);
    assert.equal(state.blocked, true);
    assert.equal(state.block_reason, 'indefinite');
    assert.equal(state.scheduled_block_at, null);
    assert.deepEqual((await job.runOnce())?.scheduled, []);
  });

  test('the app starts the job every BLOCKING_JOB_INTERVAL_SECONDS and stops it on close', async () => {
    const app = await buildTestApp({ config: { blockingJobIntervalSeconds: 1 } });
    try {
      const s2 = await createBillingSetup(app.db);
      const net2 = await createNetwork(app.db, s2);
      const c = await createCustomer(app.db, s2);
      const id = await addConnection(app.db, net2, c.id, await createContract(app.db, s2, c.id));
      await app.db.updateTable('connections').set({ scheduled_block_at: new Date(app.clock.now().getTime() - 1000) }).where('id', '=', id).execute();
      let blocked = false;
      for (let i = 0; i < 40 && !blocked; i++) {
        await new Promise((r) => setTimeout(r, 100));
        blocked = (await connectionState(app.db, id)).blocked;
      }
      assert.equal(blocked, true);
    } finally {
      await app.close();
    }
  });

  test('BLOCKING_JOB_INTERVAL_SECONDS is a setting (default 60, 0 = off)', async () => {
    const { loadConfig } = await import('../../../src/config.ts');
    assert.equal(loadConfig({ SECRET_KEY: 'x'.repeat(32) }).blockingJobIntervalSeconds, 60);
    assert.equal(loadConfig({ SECRET_KEY: 'x'.repeat(32), BLOCKING_JOB_INTERVAL_SECONDS: '0' }).blockingJobIntervalSeconds, 0);
    assert.throws(() => loadConfig({ SECRET_KEY: 'x'.repeat(32), BLOCKING_JOB_INTERVAL_SECONDS: 'soon' }), /BLOCKING_JOB_INTERVAL_SECONDS/);
  });
});
