import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { addConnection, connectionAudit, connectionState, createNetwork, type ConnectionOptions, type Network } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKAutoDesbloqueioV2', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let net: Network;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    token = await tokenFor(t.db);
    s = await createBillingSetup(t.db);
    net = await createNetwork(t.db, s);
  });
  after(async () => t.close());

  async function connection(o: ConnectionOptions, cancelled = false) {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id, cancelled ? { status: 'cancelled' } : {});
    return addConnection(t.db, net, c.id, k, o);
  }
  const call = (cd_conexao: number, extra: Record<string, number> = {}) => mk(t.app, 'WSMKAutoDesbloqueioV2', { token, cd_conexao, ...extra });

  test('blocked and reduced: both lifted, grace end returned, history row says what was lifted', async () => {
    const id = await connection({ blocked: 'non_payment', reduced: true });
    const res = await call(id, { diasexcecao: 2 });
    assert.deepEqual(res.body, {
      CodigoConexao: id,
      DesbloqueadaAte: '26/11/2026 12:00:00',
      Mensagem: 'Conexão desbloqueada e retirada da velocidade reduzida.',
      status: 'OK',
    });
    const state = await connectionState(t.db, id);
    assert.equal(state.blocked, false);
    assert.equal(state.reduced, false);
    const row = await t.db.selectFrom('connection_self_unblocks').selectAll().where('connection_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'api_v2');
    assert.equal(row.was_blocked, true);
    assert.equal(row.was_reduced, true);
    assert.equal(row.days, 2);
    assert.equal((await connectionAudit(t.db, id)).at(-1)?.action, 'connection.self_unblock');
  });

  test('only reduced (not blocked): the reduced speed is lifted, audited', async () => {
    const id = await connection({ reduced: true });
    assert.equal((await call(id)).body.status, 'OK');
    const state = await connectionState(t.db, id);
    assert.equal(state.reduced, false);
    assert.ok(state.unblocked_until);
    const audit = await connectionAudit(t.db, id);
    assert.equal(audit.at(-1)?.action, 'connection.self_unblock');
    assert.equal((audit.at(-1)?.details as { liftReduced?: boolean } | undefined)?.liftReduced, true);
  });

  test('refusals carry their own MK numbers: 065 used, 066 not blocked, 067 other reason, 068 cancelled, 069 not allowed', async () => {
    const used = await connection({ blocked: 'non_payment' });
    assert.equal((await call(used)).body.status, 'OK');
    await t.db.updateTable('connections').set({ reduced: true, reduced_at: t.clock.now() }).where('id', '=', used).execute();
    assert.deepEqual((await call(used)).body, { Mensagem: 'Operação indisponível para esta conexão.', 'Num. ERRO': '065', status: 'ERRO' });
    assert.equal((await call(await connection({}))).body['Num. ERRO'], '066');
    assert.equal((await call(await connection({ blocked: 'indefinite', reduced: true }))).body['Num. ERRO'], '067');
    assert.equal((await call(await connection({ blocked: 'non_payment' }, true))).body['Num. ERRO'], '068');
    assert.equal((await call(await connection({ blocked: 'non_payment', selfUnblockAllowed: false }))).body['Num. ERRO'], '069');
    assert.equal((await call(999999)).body['Num. ERRO'], '003');
    assert.equal((await call(used, { diasexcecao: 40 })).body['Num. ERRO'], '005');
  });
});
