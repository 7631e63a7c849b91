import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { addConnection, connectionAudit, connectionState, createNetwork, type ConnectionOptions, type Network } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

const DAY = 86_400_000;

describe('WSMKAutoDesbloqueio', () => {
  let t: TestApp;
  let token: string;
  let s: Setup;
  let net: Network;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    s = await createBillingSetup(t.db);
    net = await createNetwork(t.db, s);
  });
  after(async () => t.close());

  async function connection(o: ConnectionOptions = { blocked: 'non_payment' }, contractStatus?: 'cancelled') {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id, contractStatus ? { status: contractStatus } : {});
    return { id: await addConnection(t.db, net, c.id, k, o), contractId: k.id };
  }
  const unblock = async (cd_conexao: number | string, extra: Record<string, string | number> = {}) => {
    token = await tokenFor(t.db, { now: t.clock.now() });
    return mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao, ...extra });
  };

  test('unblocks a connection blocked for non-payment: exactly {"status":"OK"}, grace from the blocking rule, audited', async () => {
    t.clock.set('2026-11-24T12:00:00-03:00');
    const { id } = await connection();
    const res = await unblock(id);
    assert.equal(res.http, 200);
    assert.equal(res.raw, '{"status":"OK"}');
    const state = await connectionState(t.db, id);
    assert.equal(state.blocked, false);
    assert.equal(state.block_reason, null);
    assert.equal(state.unblocked_until?.getTime(), t.clock.now().getTime() + 3 * DAY, 'rule default: 3 days');
    const rows = await t.db.selectFrom('connection_self_unblocks').selectAll().where('connection_id', '=', id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.channel, 'api');
    assert.equal(rows[0]?.previous_block_reason, 'non_payment');
    const audit = await connectionAudit(t.db, id);
    assert.equal(audit.at(-1)?.action, 'connection.self_unblock');
    assert.match(String(audit.at(-1)?.actor), /^operator:op/);
    assert.equal(audit.at(-1)?.at.getTime(), t.clock.now().getTime());
  });

  test('diasexcecao sets the grace days; out of range or garbage → error naming it', async () => {
    const { id } = await connection();
    assert.equal((await unblock(id, { diasexcecao: 7 })).body.status, 'OK');
    assert.equal((await connectionState(t.db, id)).unblocked_until?.getTime(), t.clock.now().getTime() + 7 * DAY);
    for (const bad of ['0', '31', 'abc']) {
      const res = await unblock(id, { diasexcecao: bad });
      assert.equal(res.body.status, 'ERRO');
      assert.match(res.body.mensagem, /diasexcecao/);
    }
  });

  test('once a month: a second request the same month is refused with MK text; next month it works again', async () => {
    t.clock.set('2026-11-10T12:00:00-03:00');
    const { id } = await connection();
    assert.equal((await unblock(id)).body.status, 'OK');
    await t.db.updateTable('connections').set({ blocked: true, block_reason: 'non_payment', blocked_at: t.clock.now() }).where('id', '=', id).execute();
    t.clock.set('2026-11-30T23:00:00-03:00');
    const again = await unblock(id);
    assert.deepEqual(again.body, { mensagem: 'Operação indisponível para esta conexão.', status: 'ERRO' });
    assert.equal((await connectionState(t.db, id)).blocked, true, 'a refusal changes nothing');
    t.clock.set('2026-12-01T00:30:00-03:00');
    assert.equal((await unblock(id)).body.status, 'OK');
    t.clock.set('2026-11-24T12:00:00-03:00');
  });

  test("the blocking rule's allowance per month is honoured (2 → the third is refused)", async () => {
    const c = await createCustomer(t.db, s);
    const k = await createContract(t.db, s, c.id);
    const rule = await t.db.selectFrom('contracts').select('blocking_rule_id').where('id', '=', k.id).executeTakeFirstOrThrow();
    await t.db.updateTable('blocking_rules').set({ self_unblocks_per_month: 2 }).where('id', '=', rule.blocking_rule_id).execute();
    const id = await addConnection(t.db, net, c.id, k, { blocked: 'non_payment' });
    const reblock = () =>
      t.db.updateTable('connections').set({ blocked: true, block_reason: 'non_payment', blocked_at: t.clock.now() }).where('id', '=', id).execute();
    assert.equal((await unblock(id)).body.status, 'OK');
    await reblock();
    assert.equal((await unblock(id)).body.status, 'OK');
    await reblock();
    assert.equal((await unblock(id)).body.mensagem, 'Operação indisponível para esta conexão.');
  });

  test('refusals, each with its own text: not blocked, other reason, contract cancelled, not allowed, unknown', async () => {
    const free = await connection({});
    assert.deepEqual((await unblock(free.id)).body, { mensagem: 'Status na conexão incompatível para auto-desbloqueio.', status: 'ERRO' });
    const reducedOnly = await connection({ reduced: true });
    assert.equal((await unblock(reducedOnly.id)).body.mensagem, 'Status na conexão incompatível para auto-desbloqueio.', 'V1 does not lift reduced speed');
    const other = await connection({ blocked: 'indefinite' });
    assert.equal((await unblock(other.id)).body.mensagem, 'Conexão bloqueada por outro motivo que não a falta de pagamento.');
    const notAccepted = await connection({ blocked: 'contract_not_accepted' });
    assert.equal((await unblock(notAccepted.id)).body.mensagem, 'Conexão bloqueada por outro motivo que não a falta de pagamento.');
    const cancelled = await connection({ blocked: 'non_payment' }, 'cancelled');
    assert.equal((await unblock(cancelled.id)).body.mensagem, 'Contrato da conexão cancelado.');
    const off = await connection({ blocked: 'non_payment', selfUnblockAllowed: false });
    assert.equal((await unblock(off.id)).body.mensagem, 'Auto-desbloqueio não permitido para esta conexão.');
    assert.deepEqual((await unblock(999999)).body, { mensagem: 'Dados não localizados.', status: 'ERRO' });
    const missing = await mk(t.app, 'WSMKAutoDesbloqueio', { token: await tokenFor(t.db, { now: t.clock.now() }) });
    assert.equal(missing.body.status, 'ERRO');
    assert.match(missing.body.mensagem, /cd_conexao/);
    for (const id of [free.id, other.id, cancelled.id, off.id]) {
      assert.equal(await t.db.selectFrom('connection_self_unblocks').select('id').where('connection_id', '=', id).executeTakeFirst(), undefined);
    }
  });

  test('V1 on a blocked and reduced connection unblocks but keeps the reduced speed', async () => {
    const { id } = await connection({ blocked: 'non_payment', reduced: true });
    assert.equal((await unblock(id)).body.status, 'OK');
    const state = await connectionState(t.db, id);
    assert.equal(state.blocked, false);
    assert.equal(state.reduced, true);
  });

  test('two concurrent requests for the same connection: exactly one wins', async () => {
    const { id } = await connection();
    token = await tokenFor(t.db, { now: t.clock.now() });
    const results = await Promise.all([1, 2, 3].map(() => mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao: id })));
    assert.deepEqual(results.map((r) => r.body.status).sort(), ['ERRO', 'ERRO', 'OK']);
    const rows = await t.db.selectFrom('connection_self_unblocks').select('id').where('connection_id', '=', id).execute();
    assert.equal(rows.length, 1);
  });

  test('POST works as clients send it', async () => {
    const { id } = await connection();
    token = await tokenFor(t.db, { now: t.clock.now() });
    const res = await mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao: id }, { method: 'POST' });
    assert.equal(res.raw, '{"status":"OK"}');
  });
});
