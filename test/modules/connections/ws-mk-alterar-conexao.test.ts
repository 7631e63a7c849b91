import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createContract, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { addConnection, connectionAudit, connectionState, createNetwork, type Network } from '../../support/factories/connections.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKAlterarConexao', () => {
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

  async function connection(o: Parameters<typeof addConnection>[4] = {}) {
    const c = await createCustomer(t.db, s);
    return addConnection(t.db, net, c.id, await createContract(t.db, s, c.id), o);
  }
  const alter = (cd_conexao: number, extra: Record<string, string | number | undefined>) => mk(t.app, 'WSMKAlterarConexao', { token, cd_conexao, ...extra });

  test('changes flags, billing type, login and password in one call; audited without the password', async () => {
    const id = await connection({ username: 'antigo.login' });
    const res = await alter(id, { auto_desbloq: 'N', ignorar_bloqueio: 'S', tipo_conexao: 2, username: 'novo.login', senha_conexao: 'NovaSenha9' });
    assert.deepEqual(res.body, { CodigoConexao: id, Mensagem: 'Conexão alterada com sucesso.', status: 'OK' });
    const st = await connectionState(t.db, id);
    assert.equal(st.self_unblock_allowed, false);
    assert.equal(st.ignore_blocking, true);
    assert.equal(st.billing_type, 'courtesy');
    assert.equal(st.username, 'novo.login');
    assert.equal(st.password, 'NovaSenha9');
    const audit = await connectionAudit(t.db, id);
    const last = audit.at(-1);
    assert.equal(last?.action, 'connection.update');
    assert.ok(!JSON.stringify(last?.details).includes('NovaSenha9'));
    assert.equal((last?.details as Record<string, unknown> | undefined)?.previousUsername, 'antigo.login');
  });

  test('bloquear=S blocks with the reason and note (audited); needs motivo_bloqueio; already blocked → 008', async () => {
    const id = await connection();
    const missing = await alter(id, { bloquear: 'S' });
    assert.equal(missing.body['Num. ERRO'], '006');
    assert.match(missing.body.Mensagem, /motivo_bloqueio/);
    assert.equal((await alter(id, { motivo_bloqueio: 1 })).body['Num. ERRO'], '005', 'motivo only with bloquear=S');
    assert.equal((await alter(id, { bloquear: 'S', motivo_bloqueio: 2 })).body['Num. ERRO'], '005');
    const res = await alter(id, { bloquear: 'S', motivo_bloqueio: 3, obs_bloqueio: 'Pedido do titular' });
    assert.equal(res.body.status, 'OK');
    const st = await connectionState(t.db, id);
    assert.equal(st.blocked, true);
    assert.equal(st.block_reason, 'indefinite');
    const last = (await connectionAudit(t.db, id)).at(-1);
    assert.equal(last?.action, 'connection.block');
    assert.deepEqual(last?.details, { reason: 'indefinite', note: 'Pedido do titular' });
    assert.equal((await alter(id, { bloquear: 'S', motivo_bloqueio: 1 })).body.Mensagem, 'Conexão já bloqueada.');
  });

  test('a refused block rolls back the other changes of the same call', async () => {
    const id = await connection();
    const res = await alter(id, { ignorar_bloqueio: 'S', tipo_conexao: 2, bloquear: 'S', motivo_bloqueio: 1 });
    assert.equal(res.body['Num. ERRO'], '008');
    const st = await connectionState(t.db, id);
    assert.equal(st.ignore_blocking, false);
    assert.equal(st.billing_type, 'billable');
    assert.equal(st.blocked, false);
  });

  test('desconectar_conexao=S ends the open session with motivo_desconexao, audited', async () => {
    const id = await connection();
    await t.db.insertInto('connection_sessions').values({ connection_id: id, username: 'x', started_at: new Date('2026-11-20T10:00:00Z') }).execute();
    assert.equal((await alter(id, { desconectar_conexao: 'S', motivo_desconexao: 'Troca de plano' })).body.status, 'OK');
    const session = await t.db.selectFrom('connection_sessions').select(['stopped_at', 'stop_cause']).where('connection_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(session.stopped_at?.getTime(), t.clock.now().getTime());
    assert.equal(session.stop_cause, 'Troca de plano');
    const last = (await connectionAudit(t.db, id)).at(-1);
    assert.equal(last?.action, 'connection.disconnect');
    assert.deepEqual(last?.details, { reason: 'Troca de plano', sessions: 1 });
  });

  test('username taken by another connection (any case) → 009; own name again is fine', async () => {
    await connection({ username: 'ocupado' });
    const id = await connection({ username: 'meu.nome' });
    assert.equal((await alter(id, { username: 'OCUPADO' })).body['Num. ERRO'], '009');
    assert.equal((await alter(id, { username: 'Meu.Nome' })).body.status, 'OK');
  });

  test('nothing to change → 004; unknown connection → 003; disabled → 008; bad values → 005', async () => {
    const id = await connection();
    assert.equal((await alter(id, {})).body['Num. ERRO'], '004');
    assert.equal((await alter(999999, { auto_desbloq: 'S' })).body['Num. ERRO'], '003');
    assert.equal((await alter(id, { auto_desbloq: 'X' })).body['Num. ERRO'], '005');
    assert.equal((await alter(id, { tipo_conexao: 3 })).body['Num. ERRO'], '005');
    assert.equal((await mk(t.app, 'WSMKAlterarConexao', { token, auto_desbloq: 'S' })).body['Num. ERRO'], '006');
    await t.db.updateTable('connections').set({ disabled_at: new Date() }).where('id', '=', id).execute();
    assert.equal((await alter(id, { auto_desbloq: 'S' })).body['Num. ERRO'], '008');
  });
});
