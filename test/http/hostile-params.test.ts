import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../src/http/endpoint.ts';
import { defineMkEndpoint } from '../../src/http/mk/define-mk-endpoint.ts';
import { mkParam, stripQuotes } from '../../src/http/mk/params.ts';
import { authModule } from '../../src/modules/auth/index.ts';
import { billingModule } from '../../src/modules/billing/index.ts';
import { customersModule } from '../../src/modules/customers/index.ts';
import { tokenFor } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { createBillingSetup, createCustomer } from '../support/factories/billing.ts';
import { mk, mkMultipart } from '../support/mk-client.ts';

// A probe that echoes what the kit hands to handlers; it borrows a catalog id only in this app.
const echo = defineMkEndpoint({
  id: 'WSMKListaProcessos',
  service: ALL_SERVICES,
  query: Type.Object({
    nome: Type.Optional(mkParam.text(300)),
    dt: Type.Optional(mkParam.date()),
    doc: Type.Optional(mkParam.document()),
    cd: Type.Optional(mkParam.id()),
    ids: Type.Optional(mkParam.idList(';')),
  }),
  response: Type.Object({}),
  async handler({ params }) {
    return { Echo: params };
  },
});

describe('hostile parameter values (issue #11 items 5, 13, 14, 20, 22; issue #14 quotes)', () => {
  let t: TestApp;
  let token: string;
  let customerId: number;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, customersModule, billingModule, { name: 'probe', endpoints: [echo] }] });
    token = await tokenFor(t.db);
    const s = await createBillingSetup(t.db);
    customerId = (await createCustomer(t.db, s)).id;
  });
  after(async () => t.close());

  const json = async (body: unknown) => {
    const res = await t.app.inject({ method: 'POST', url: `/mk/WSMKListaProcessos.rule?token=${token}`, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return JSON.parse(res.body);
  };
  const get = async (query: string) => JSON.parse((await t.app.inject({ url: `/mk/WSMKListaProcessos.rule?token=${token}&${query}` })).body);

  test('one pair of surrounding single quotes is stripped from any value, by every transport', async () => {
    assert.deepEqual((await mk(t.app, 'WSMKListaProcessos', { token, nome: "'Maria da Silva'", dt: "'10/09/2026'", cd: "'12'" })).body.Echo, {
      nome: 'Maria da Silva',
      dt: '2026-09-10',
      cd: 12,
    });
    assert.equal((await mk(t.app, 'WSMKListaProcessos', { token, nome: "'João'" }, { method: 'POST' })).body.Echo.nome, 'João');
    assert.equal((await json({ nome: "'Ana Maria'" })).Echo.nome, 'Ana Maria');
    assert.equal((await mkMultipart(t.app, 'WSMKListaProcessos', { token }, { nome: "'Ana Paula'" })).body.Echo.nome, 'Ana Paula');
    assert.equal(stripQuotes("''dupla''"), "'dupla'");
    assert.equal(stripQuotes("d'Ávila"), "d'Ávila");
    assert.equal(stripQuotes("'"), "'");
    assert.deepEqual((await mk(t.app, 'WSMKListaProcessos', { token, nome: "''" })).body.Echo, {}, "'' is an empty value");
  });

  test('NUL bytes in any value → 005 naming the parameter (GET, form, JSON), never 099', async () => {
    const viaGet = await get('nome=a%00b');
    assert.deepEqual(viaGet, { Mensagem: 'Parâmetro inválido: nome.', 'Num. ERRO': '005', status: 'ERRO' });
    assert.equal((await mk(t.app, 'WSMKListaProcessos', { token, cd: '1\u0000' }, { method: 'POST' })).body.Mensagem, 'Parâmetro inválido: cd.');
    assert.equal((await json({ nome: 'x\u0000' }))['Num. ERRO'], '005');
    const tokenWithNul = await t.app.inject({ url: '/mk/WSMKListaProcessos.rule?token=abc%00defghijk' });
    assert.equal(JSON.parse(tokenWithNul.body)['Num. ERRO'], '001');
  });

  test('JSON objects and arrays as values → 005 (no normalisation is skipped); JSON numbers work', async () => {
    assert.deepEqual(await json({ doc: ['529.982.247-25'] }), { Mensagem: 'Parâmetro inválido: doc (informe um só valor).', 'Num. ERRO': '005', status: 'ERRO' });
    assert.equal((await json({ dt: ['31/02/2026'] }))['Num. ERRO'], '005');
    assert.equal((await json({ nome: { a: 1 } })).Mensagem, 'Parâmetro inválido: nome (valor simples esperado).');
    assert.equal((await get('cd=1&cd=2')).Mensagem, 'Parâmetro inválido: cd (informe um só valor).');
    assert.deepEqual((await json({ cd: 7, doc: '529.982.247-25' })).Echo, { cd: 7, doc: '52998224725' });
  });

  test('dates: years 1900–2199 accepted, others 005', async () => {
    assert.equal((await get('dt=31/12/2199')).Echo.dt, '2199-12-31');
    assert.equal((await get('dt=1900-01-01')).Echo.dt, '1900-01-01');
    for (const dt of ['31/12/9999', '31/12/1899', '0001-01-01', '01/01/2200']) {
      const res = await get(`dt=${encodeURIComponent(dt)}`);
      assert.equal(res['Num. ERRO'], '005', dt);
      assert.match(res.Mensagem, /dt .*1900 a 2199/);
    }
  });

  test('idList has a maximum length', async () => {
    const ok = Array.from({ length: 100 }, (_, i) => i + 1).join(';');
    assert.equal((await mk(t.app, 'WSMKListaProcessos', { token, ids: ok }, { method: 'POST' })).body.Echo.ids, ok);
    const tooLong = Array.from({ length: 3000 }, (_, i) => 1_000_000 + i).join(';');
    assert.equal((await mk(t.app, 'WSMKListaProcessos', { token, ids: tooLong }, { method: 'POST' })).body['Num. ERRO'], '005');
  });

  test('a value the log cannot encode still gets its activity row (lone surrogate, emoji at the cut)', async () => {
    await t.app.inject({ method: 'POST', url: `/mk/WSMKListaProcessos.rule?token=${token}`, payload: '{"nome":"\\ud800x"}', headers: { 'content-type': 'application/json' } });
    await json({ nome: `${'a'.repeat(199)}😀😀` });
    await get('nome=%ED%A0%80');
    await t.app.flushActivityLog();
    const rows = await t.db.selectFrom('activity_log').select('query').where('endpoint_id', '=', 'WSMKListaProcessos').execute();
    const queries = rows.map((r) => r.query ?? '');
    assert.ok(queries.some((q) => q.endsWith('&nome=%EF%BF%BDx')), queries.join('\n'));
    assert.ok(queries.some((q) => q.endsWith(`&nome=${'a'.repeat(199)}${encodeURIComponent('😀')}`)));
    assert.ok(queries.some((q) => q.endsWith('&nome=%25ED%25A0%2580')));
  });

  test('WSMKFaturas: a far date the parser reads is 005, not 099; the latest supported date works', async () => {
    const far = await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, data_vencimento: '31/12/9999' });
    assert.equal(far.body['Num. ERRO'], '005');
    assert.match(far.body.Mensagem, /data_vencimento/);
    const latest = await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, data_vencimento: '31/12/2199', quantidade_meses: 240 });
    assert.equal(latest.body.status, 'OK', latest.raw);
    assert.deepEqual(latest.body.Faturas, []);
  });

  test('range lower bounds of 0 are valid (WSMKConsultaClientes cd_cliente_inicio=0, WSMKFaturas codigo_fatura_inicio=0)', async () => {
    const fromZero = await mk(t.app, 'WSMKConsultaClientes', { token, cd_cliente_inicio: 0 });
    assert.ok(Array.isArray(fromZero.body), fromZero.raw);
    assert.ok(fromZero.body.some((c: { CodigoPessoa: number }) => c.CodigoPessoa === customerId));
    const faturas = await mk(t.app, 'WSMKFaturas', { token, codigo_cliente: customerId, codigo_fatura_inicio: 0, codigo_fatura_fim: 0 });
    assert.equal(faturas.body.status, 'OK', faturas.raw);
    assert.deepEqual(faturas.body.Faturas, []);
    assert.equal((await mk(t.app, 'WSMKConsultaClientes', { token, cd_cliente_inicio: -1 })).body.CODIGO_ERRO, '005');
  });
});
