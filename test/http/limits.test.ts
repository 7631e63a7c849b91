import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_PAIRS, MAX_VALUES_PER_KEY, parseQueryString } from '../../src/http/mk/body-parsing.ts';
import { authModule } from '../../src/modules/auth/index.ts';
import { customersModule } from '../../src/modules/customers/index.ts';
import { tokenFor } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';

describe('request limits (issue #11 H1)', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, customersModule] });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  const post = (payload: string | Buffer, type = 'application/x-www-form-urlencoded') =>
    t.app.inject({ method: 'POST', url: '/mk/WSMKConsultaDoc.rule?sys=MK0', headers: { 'content-type': type }, payload });

  test('a 12 MB body and a 200 000-pair body get a clear MK error while /health keeps answering', async () => {
    const started = Date.now();
    const huge = Buffer.alloc(12 * 1024 * 1024, 'a');
    const manyPairs = 'a=&'.repeat(200_000);
    const manyKeys = Array.from({ length: 100_000 }, (_, i) => `k${i}=`).join('&');
    const [big, pairs, keys, pairsJson, health] = await Promise.all([
      post(huge),
      post(manyPairs),
      post(manyKeys),
      post(`token=${token}&doc=52998224725&${'x=1&'.repeat(200_000)}`),
      t.app.inject({ url: '/health' }),
    ]);
    assert.equal(health.statusCode, 200);
    assert.equal(big.statusCode, 200);
    assert.deepEqual(JSON.parse(big.body), { Mensagem: 'Requisição inválida: corpo maior que 1 MB.', 'Num. ERRO': '005', status: 'ERRO' });
    for (const res of [pairs, keys, pairsJson]) {
      assert.equal(res.statusCode, 200);
      assert.equal(JSON.parse(res.body)['Num. ERRO'], '005');
    }
    assert.equal(JSON.parse(pairs.body).Mensagem, 'Requisição inválida: parâmetro repetido mais de 20 vezes: a.');
    assert.equal(JSON.parse(keys.body).Mensagem, 'Requisição inválida: mais de 300 parâmetros na requisição.');
    assert.equal(JSON.parse(pairsJson.body).Mensagem, 'Requisição inválida: parâmetro repetido mais de 20 vezes: x.');
    assert.ok(Date.now() - started < 10_000, 'bounded work');
    assert.equal((await t.app.inject({ url: '/health' })).statusCode, 200);
  });

  test('the same bounds hold in the query string, for repeated keys, and for JSON and multipart bodies', async () => {
    const url = `/mk/WSMKConsultaDoc.rule?token=${token}&doc=52998224725&${Array.from({ length: 5000 }, (_, i) => `a${i}=`).join('&')}`;
    const query = await t.app.inject({ url });
    assert.match(JSON.parse(query.body).Mensagem, /mais de 300 parâmetros/);
    const repeated = await post(`token=${token}&doc=52998224725&${'k=1&'.repeat(MAX_VALUES_PER_KEY + 1)}`);
    assert.match(JSON.parse(repeated.body).Mensagem, /repetido mais de 20 vezes: k/);
    const json = await post(JSON.stringify(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 1]))), 'application/json');
    assert.match(JSON.parse(json.body).Mensagem, /mais de 300 parâmetros/);
    const form = `--B\r\n${'Content-Disposition: form-data; name="a"\r\n\r\n1\r\n--B\r\n'.repeat(400)}--`;
    const multipart = await post(form, 'multipart/form-data; boundary=B');
    assert.equal(JSON.parse(multipart.body)['Num. ERRO'], '005');
    assert.match(JSON.parse(multipart.body).Mensagem, /parâmetros|repetido/);
  });

  test('up to the limits, calls work as before', async () => {
    const extra = Array.from({ length: MAX_PAIRS - 3 }, (_, i) => `x${i}=1`).join('&');
    const ok = await post(`token=${token}&doc=52998224725&sys=MK0&${extra}`);
    assert.notEqual(JSON.parse(ok.body)['Num. ERRO'], '005', ok.body);
  });
});

test('parseQueryString appends repeated keys, decodes leniently and stops at the limits', () => {
  assert.deepEqual({ ...parseQueryString('a=1&b=x+y&a=2&c&d=%zz&e=%C3%A9') }, { a: ['1', '2'], b: 'x y', c: '', d: '%zz', e: 'é' });
  const many = parseQueryString('a=&'.repeat(100_000));
  assert.ok((many.a as string[]).length <= MAX_VALUES_PER_KEY);
  assert.equal(Object.getPrototypeOf(parseQueryString('__proto__=1&constructor=2')), null);
});
