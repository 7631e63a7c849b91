import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { connectionsModule } from '../../../src/modules/connections/index.ts';
import { contractModules } from '../../support/factories/contracts.ts';
import { createContract, createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';

describe('WSMKContratosPorCliente (cd_servico 8)', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let companyName: string;
  before(async () => {
    t = await buildTestApp({ modules: [...contractModules(), connectionsModule] });
    token = await tokenFor(t.db, { services: [6, 8, 9] });
    w = await createWorld(t.db);
    companyName = (await t.db.selectFrom('companies').select('trade_name').where('id', '=', w.company.id).executeTakeFirstOrThrow()).trade_name;
  });
  after(async () => t.close());

  const customer = (o: { document?: string } = {}) => createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, name: 'FULANO DE TAL', ...o });
  const planName = async (contractId: number) =>
    (
      await t.db
        .selectFrom('contracts as k')
        .innerJoin('access_plans as p', 'p.id', 'k.access_plan_id')
        .select('p.name')
        .where('k.id', '=', contractId)
        .executeTakeFirstOrThrow()
    ).name;

  test('the CONFIRMED shape: CodigoPessoa, ContratosAtivos (adesao AAAA-MM-DD, numeric ids), Nome; only active contracts', async () => {
    const c = await customer();
    const active = await createContract(t.db, c, w.company.id, { status: 'active' });
    await createContract(t.db, c, w.company.id, { status: 'cancelled' });
    await createContract(t.db, c, w.company.id, { status: 'suspended' });
    await createContract(t.db, c, w.company.id, { status: 'awaiting_activation' });
    const res = await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: c.id });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, {
      CodigoPessoa: c.id,
      ContratosAtivos: [
        {
          adesao: '2026-03-01',
          cd_empresa: w.company.id,
          codcontrato: active.id,
          nome_empresa: companyName,
          plano_acesso: await planName(active.id),
          // Due day 10; today is 24/11/2026 in the test clock.
          previsao_vencimento: '10/12/2026',
        },
      ],
      Nome: 'FULANO DE TAL',
      status: 'OK',
    });
  });

  test('no active contract: OK with ContratosAtivos [] (CONFIRMED empty shape)', async () => {
    const c = await customer();
    await createContract(t.db, c, w.company.id, { status: 'cancelled' });
    const res = await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: c.id });
    assert.deepEqual(res.body, { CodigoPessoa: c.id, ContratosAtivos: [], Nome: 'FULANO DE TAL', status: 'OK' });
  });

  test('chain ConsultaDoc → ContratosPorCliente → ConexoesPorCliente: CodigoPessoa feeds cd_cliente; codcontrato = the connection\'s contrato', async () => {
    const c = await customer();
    const k = await createContract(t.db, c, w.company.id, { status: 'active', connection: 'unblocked' });
    const doc = await mk(t.app, 'WSMKConsultaDoc', { token, doc: c.document ?? '' });
    assert.equal(doc.body.CodigoPessoa, c.id);
    const res = await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: doc.body.CodigoPessoa });
    const codcontrato = res.body.ContratosAtivos[0].codcontrato;
    assert.equal(typeof codcontrato, 'number');
    assert.equal(codcontrato, k.id);
    const connections = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: doc.body.CodigoPessoa });
    assert.deepEqual(connections.body.Conexoes.map((x: { contrato: number }) => x.contrato), [codcontrato]);
  });

  test('unknown customer → the 3-key 003; missing or invalid cd_cliente → 006 / 005', async () => {
    const res = await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: 987_654 });
    assert.ok(isMkErrorBody(res.body, '003'));
    assert.equal(Object.keys(res.body).length, 3);
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKContratosPorCliente', { token })).body, '006'));
    assert.ok(isMkErrorBody((await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: 'abc' })).body, '005'));
  });

  test('a token granted only cd_servico 8 may call it; one without 8 gets 002', async () => {
    const c = await customer();
    const only8 = await tokenFor(t.db, { services: [8] });
    assert.equal((await mk(t.app, 'WSMKContratosPorCliente', { token: only8, cd_cliente: c.id })).body.status, 'OK');
    const only6 = await tokenFor(t.db, { services: [6] });
    assert.equal((await mk(t.app, 'WSMKContratosPorCliente', { token: only6, cd_cliente: c.id })).body['Num. ERRO'], '002');
  });
});
