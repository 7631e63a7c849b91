import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOutage, createOutageScene, crmModules } from '../../support/factories/crm.ts';
import { core, isMkErrorBody } from '../../support/mk-client.ts';

describe('GET /core-api/notificacoes/conexoes-afetadas', () => {
  let t: TestApp;
  let token: string;
  let s: Awaited<ReturnType<typeof createOutageScene>>;
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    token = await createSession(t.db, await createAccess(t.db));
    s = await createOutageScene(t.db);
  });
  after(async () => t.close());

  test('the connections of the outage, by code, bare array with codconexao as a number', async () => {
    const res = await core(t.app, 'GET', '/notificacoes/conexoes-afetadas', { token, codigo_parada: s.ongoing.id });
    assert.equal(res.http, 200);
    const expected = s.people.slice(0, 3).map((p) => ({
      bloqueada: p.blocked ? 'Sim' : 'Não',
      codcliente: p.customer.id,
      codconexao: p.connection.id,
      codcontrato: p.contractId,
      nome_cliente: p.customer.name,
      username: p.connection.username,
    }));
    assert.deepEqual(res.body, expected);
  });

  test('each outage lists only its own connections; an outage with none → []', async () => {
    const fin = await core(t.app, 'GET', '/notificacoes/conexoes-afetadas', { token, codigo_parada: s.finished.id });
    assert.deepEqual(fin.body.map((c: { codconexao: number }) => c.codconexao), [s.people[3]!.connection.id]);
    const empty = await createOutage(t.db, s.w.company.id);
    assert.deepEqual((await core(t.app, 'GET', '/notificacoes/conexoes-afetadas', { token, codigo_parada: empty.id })).body, []);
  });

  test('unknown outage → HTTP 404 with 003; missing → 006; not a code → 005', async () => {
    const unknown = await core(t.app, 'GET', '/notificacoes/conexoes-afetadas', { token, codigo_parada: 99_999_999 });
    assert.equal(unknown.http, 404);
    assert.ok(isMkErrorBody(unknown.body, '003'));
    assert.ok(isMkErrorBody((await core(t.app, 'GET', '/notificacoes/conexoes-afetadas', { token })).body, '006'));
    const bad = await core(t.app, 'GET', '/notificacoes/conexoes-afetadas', { token, codigo_parada: 'A' });
    assert.ok(isMkErrorBody(bad.body, '005'));
    assert.match(bad.body.Mensagem, /codigo_parada/);
  });
});
