import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../src/http/mk/define-mk-endpoint.ts';
import { MkError } from '../../src/http/mk/mk-errors.ts';
import { mkParam } from '../../src/http/mk/params.ts';
import { authModule } from '../../src/modules/auth/index.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { mk } from '../support/mk-client.ts';
import { tokenFor } from '../support/access.ts';

// A probe endpoint that echoes what the kit hands to handlers; it borrows a catalog id only
// inside this test app.
const echo = defineMkEndpoint({
  id: 'WSMKConsultaDoc',
  service: 6,
  query: Type.Object({
    doc: mkParam.document(),
    dt: Type.Optional(mkParam.date()),
    cd_cliente: Type.Optional(mkParam.id()),
    nome: Type.Optional(mkParam.text(10)),
  }),
  response: Type.Object({}),
  async handler({ params }) {
    if (params.doc === '11222333000181') throw new MkError('notFound');
    if (params.nome === 'boom') throw new Error('secret internal detail: select * from x');
    return { Zeta: 1, Alpha: params, Nome: 'JOÃO' };
  },
});

describe('MK endpoint kit', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, { name: 'probe', endpoints: [echo] }] });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('success: flat object, status OK, keys sorted, raw UTF-8, MK content type', async () => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '529.982.247-25', dt: '10/09/2026' });
    assert.equal(res.http, 200);
    assert.equal(res.contentType, 'application/json;charset=UTF-8');
    assert.deepEqual(Object.keys(res.body), ['Alpha', 'Nome', 'Zeta', 'status']);
    assert.deepEqual(res.body.Alpha, { doc: '52998224725', dt: '2026-09-10' });
    assert.ok(res.raw.includes('JOÃO'), 'non-ASCII must not be \\u-escaped');
    assert.equal(res.body.status, 'OK');
  });

  test('parameter names match case-insensitively; empty values count as absent', async () => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { Token: token, DOC: '52998224725', cd_cliente: '', dt: '2026-09-10' });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(res.body.Alpha, { doc: '52998224725', dt: '2026-09-10' });
  });

  test('POST with an urlencoded body works like GET', async () => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725' }, { method: 'POST' });
    assert.equal(res.body.status, 'OK');
  });

  test('//mk/ is the same as /mk/', async () => {
    const res = await t.app.inject({ url: `//mk/WSMKConsultaDoc.rule?sys=MK0&token=${token}&doc=52998224725` });
    assert.equal(JSON.parse(res.body).status, 'OK');
  });

  test('not found: exactly three keys, code 003', async () => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '11222333000181' });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
  });

  test('missing, malformed and wrong-check-digit parameters get MK errors naming the parameter', async () => {
    const missing = await mk(t.app, 'WSMKConsultaDoc', { token });
    assert.equal(missing.body['Num. ERRO'], '006');
    assert.match(missing.body.Mensagem, /doc/);
    const badDigit = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224724' });
    assert.equal(badDigit.body['Num. ERRO'], '005');
    assert.match(badDigit.body.Mensagem, /doc/);
    const badDate = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725', dt: '31/02/2026' });
    assert.match(badDate.body.Mensagem, /dt/);
    const text = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725', cd_cliente: 'undefined' });
    assert.match(text.body.Mensagem, /cd_cliente/);
    const long = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725', nome: 'x'.repeat(11) });
    assert.match(long.body.Mensagem, /nome/);
    for (const r of [missing, badDigit, badDate, text, long]) assert.equal(r.http, 200);
  });

  test('an unexpected fault answers 099 without leaking its text', async () => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { token, doc: '52998224725', nome: 'boom' });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, { Mensagem: 'Erro interno ao processar a requisição.', 'Num. ERRO': '099', status: 'ERRO' });
  });

  test('unknown .rule: HTTP 404 with the MK error body in JSON', async () => {
    const res = await t.app.inject({ url: '/mk/NoSuchThing.rule?sys=MK0' });
    assert.equal(res.statusCode, 404);
    assert.equal(JSON.parse(res.body).status, 'ERRO');
    assert.match(String(res.headers['content-type']), /json/);
  });

  test('malformed query strings and bodies never give a 5xx', async () => {
    const urls = [
      '/mk/WSMKConsultaDoc.rule?sys=MK0&token=%E0%A4%A&doc=%%%',
      '/mk/WSMKConsultaDoc.rule?%',
      '/mk/WSMKConsultaDoc.rule?token&doc&doc=1&doc=2',
      `/mk/WSMKConsultaDoc.rule?token=${token}&doc=1&doc=2`,
      '/core-api/nothing?token=%zz',
    ];
    for (const url of urls) {
      const res = await t.app.inject({ url });
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
      assert.equal(JSON.parse(res.body).status, 'ERRO');
    }
    const bodies = ['{not json', '%%%', '\u0000\u0001', ''];
    for (const payload of bodies) {
      for (const type of ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream']) {
        const res = await t.app.inject({ method: 'POST', url: `/mk/WSMKConsultaDoc.rule?token=${token}&doc=52998224725`, payload, headers: { 'content-type': type } });
        assert.ok(res.statusCode < 500, `${type} ${JSON.stringify(payload)}: ${res.statusCode} ${res.body}`);
      }
    }
  });

  test('health and readiness', async () => {
    assert.equal((await t.app.inject({ url: '/health' })).statusCode, 200);
    const ready = await t.app.inject({ url: '/ready' });
    assert.equal(ready.statusCode, 200);
    assert.equal(JSON.parse(ready.body).status, 'ready');
  });
});

describe('OpenAPI', () => {
  test('documents every registered endpoint with its parameters', async () => {
    const t = await buildTestApp({ modules: [authModule] });
    try {
      const res = await t.app.inject({ url: '/openapi.json' });
      const doc = JSON.parse(res.body);
      assert.equal(doc.openapi, '3.1.0');
      const op = doc.paths['/mk/WSAutenticacao.rule'].get;
      assert.equal(op.operationId, 'WSAutenticacao');
      assert.deepEqual(
        op.parameters.map((p: { name: string }) => p.name),
        ['sys', 'token', 'password', 'cd_servico'],
      );
      assert.ok(!res.body.includes('x-mk'));
      const html = await t.app.inject({ url: '/docs' });
      assert.match(html.body, /WSAutenticacaoOperador/);
    } finally {
      await t.close();
    }
  });
});
