import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_CONNECTIONS } from '../../../src/db/seed/demo-connections.ts';
import { seedDemo } from '../../../src/db/seed/index.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, TEST_SECRET, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';

describe('demo data: the documented customer has a complete connection and one to self-unblock', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
    await seedDemo(t.db, { customers: 4, seed: 11, now: t.clock.now(), secretKey: TEST_SECRET });
    token = await tokenFor(t.db, { now: t.clock.now() });
  });
  after(async () => t.close());

  test('CPF 52998224725 → ConexoesPorCliente: every confirmed key filled on the active one; the second blocked for non-payment and unblockable', async () => {
    const doc = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725' });
    const conns = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: doc.body.CodigoPessoa });
    assert.equal(conns.body.status, 'OK');
    const active = conns.body.Conexoes.find((c: { username: string }) => c.username === DEMO_CONNECTIONS.active);
    const blocked = conns.body.Conexoes.find((c: { username: string }) => c.username === DEMO_CONNECTIONS.blocked);
    for (const [key, value] of Object.entries(active)) {
      if (key === 'motivo_bloqueio') assert.equal(value, null);
      else assert.ok(value !== '' && value !== null, `${key} filled`);
    }
    assert.equal(active.bloqueada, 'Não');
    assert.match(active.mac_address, /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
    assert.match(active.ip, /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(active.plano_acesso, 'FIBRA 500 MEGA');
    const session = await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: active.codconexao });
    assert.equal(session.body.conexao.framedip, active.ip);
    assert.equal(session.body.conexao.dt_hr_parada, null);

    assert.equal(blocked.bloqueada, 'Sim');
    assert.equal(blocked.motivo_bloqueio, 'Falta Pagamento');
    assert.notEqual(blocked.contrato, active.contrato);
    const overdue = await t.db
      .selectFrom('invoices')
      .select('id')
      .where('contract_id', '=', blocked.contrato)
      .where('status', '=', 'open')
      .where('due_date', '<', '2026-11-24')
      .execute();
    assert.equal(overdue.length, 1);
    const contracts = await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: doc.body.CodigoPessoa });
    const activeIds = contracts.body.ContratosAtivos.map((k: { codcontrato: number }) => k.codcontrato);
    assert.ok(activeIds.includes(active.contrato) && activeIds.includes(blocked.contrato), 'both contracts listed as active');

    assert.equal((await mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao: blocked.codconexao })).raw, '{"status":"OK"}');
  });
});
