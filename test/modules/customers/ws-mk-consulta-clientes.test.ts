import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createContract, createCustomer, createPlace, createWorld, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKConsultaClientes', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
  });
  after(async () => t.close());

  test('no filter → the confirmed CODIGO_ERRO 004 envelope', async () => {
    const res = await mk(t.app, 'WSMKConsultaClientes', { token });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, { CODIGO_ERRO: '004', Mensagem: 'Pelo menos um parametro deve ser informado.', status: 'ERRO' });
  });

  test('by cd_cliente: bare array with CPF_CNPJ, typed addresses (billing = installation when unset), contracts', async () => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, addressNumber: '12', latitude: -23.1, longitude: -51 });
    const k = await createContract(t.db, c, w.company.id, { status: 'suspended', connection: 'none' });
    const res = await mk(t.app, 'WSMKConsultaClientes', { token, cd_cliente: c.id });
    assert.ok(Array.isArray(res.body));
    assert.equal(res.body.length, 1);
    const row = res.body[0];
    assert.deepEqual(Object.keys(row), ['CPF_CNPJ', 'CodigoPessoa', 'Email', 'Fone', 'Nome', 'Situacao', 'contratos', 'endereco']);
    assert.equal(row.CPF_CNPJ, c.document);
    assert.deepEqual(row.endereco[0], {
      bairro: w.place.neighbourhoodName, cep: '86200000', cidade: w.place.cityName, complemento: null, estado: 'PR',
      latitude: '-23.1', logradouro: w.place.streetName, longitude: '-51', numero: 12, tipo: 'INSTALACAO',
    });
    assert.equal(row.endereco[1].tipo, 'COBRANCA');
    assert.equal(row.endereco[1].logradouro, w.place.streetName);
    assert.equal(row.contratos.length, 1);
    assert.equal(row.contratos[0].codcontrato, k.id);
    assert.equal(row.contratos[0].status_contrato, 'Suspenso');
    assert.equal(row.contratos[0].adesao, '2026-03-01');
  });

  test('filters: doc, codigo_bairro, nome_cliente, code range, change dates (São Paulo days)', async () => {
    const other = await createPlace(t.db);
    // Set at insert: the updated_at trigger overwrites it on UPDATE.
    const a = await createCustomer(t.db, { companyId: w.company.id, streetId: other.streetId, name: 'ZULEICA PRIMEIRA', createdAt: new Date('2026-05-10T02:30:00Z') });
    const b = await createCustomer(t.db, { companyId: w.company.id, streetId: other.streetId, name: 'ZULEICA SEGUNDA' });
    const ids = (r: { body: Array<{ CodigoPessoa: number }> }) => r.body.map((x) => x.CodigoPessoa);
    assert.deepEqual(ids(await mk(t.app, 'WSMKConsultaClientes', { token, codigo_bairro: other.neighbourhoodId })), [a.id, b.id]);
    assert.deepEqual(ids(await mk(t.app, 'WSMKConsultaClientes', { token, doc: b.document! })), [b.id]);
    assert.deepEqual(ids(await mk(t.app, 'WSMKConsultaClientes', { token, nome_cliente: 'zuleica seg' })), [b.id]);
    assert.deepEqual(ids(await mk(t.app, 'WSMKConsultaClientes', { token, cd_cliente_inicio: b.id })), [b.id]);
    assert.deepEqual(ids(await mk(t.app, 'WSMKConsultaClientes', { token, cd_cliente_inicio: a.id, cd_cliente_fim: a.id })), [a.id]);
    // 02:30 UTC on the 10th is still the 9th in São Paulo.
    assert.deepEqual(ids(await mk(t.app, 'WSMKConsultaClientes', { token, data_alteracao_inicio: '09/05/2026', data_alteracao_fim: '09/05/2026' })), [a.id]);
    assert.deepEqual(ids(await mk(t.app, 'WSMKConsultaClientes', { token, data_alteracao_inicio: '2026-05-10', data_alteracao_fim: '2026-05-10' })), []);
  });

  test('errors use the CODIGO_ERRO style: bad date, inverted range, bad document, text code, short name', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ data_alteracao_inicio: '31/02/2026' }, '005'],
      [{ data_alteracao_inicio: '10/05/2026', data_alteracao_fim: '01/05/2026' }, '005'],
      [{ doc: '11111111111' }, '005'],
      [{ cd_cliente: 'abc' }, '005'],
      [{ nome_cliente: 'ab' }, '005'],
    ];
    for (const [params, code] of cases) {
      const res = await mk(t.app, 'WSMKConsultaClientes', { token, ...params });
      assert.equal(res.body.CODIGO_ERRO, code, JSON.stringify(params));
      assert.deepEqual(Object.keys(res.body), ['CODIGO_ERRO', 'Mensagem', 'status']);
    }
  });
});
