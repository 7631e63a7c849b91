import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess, createSession } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createOutageScene, crmModules } from '../../support/factories/crm.ts';
import { core, isMkErrorBody } from '../../support/mk-client.ts';

describe('GET /core-api/notificacoes/status', () => {
  let t: TestApp;
  let token: string;
  let s: Awaited<ReturnType<typeof createOutageScene>>;
  before(async () => {
    t = await buildTestApp({ modules: crmModules() });
    token = await createSession(t.db, await createAccess(t.db));
    s = await createOutageScene(t.db);
  });
  after(async () => t.close());

  test('status=A: the outages in progress, newest first, as a bare array with the documented keys', async () => {
    const res = await core(t.app, 'GET', '/notificacoes/status', { token, status: 'A' });
    assert.equal(res.http, 200);
    assert.ok(Array.isArray(res.body));
    assert.deepEqual(res.body.map((o: { cod: number }) => o.cod), [s.ongoing.id, s.older.id]);
    const first = res.body[0];
    assert.deepEqual(Object.keys(first).sort(), [
      'causa', 'cd_caixa', 'cd_ponto_acesso', 'cd_servidor', 'cod', 'data_inicio', 'data_termino', 'descricao',
      'previsao_termino', 'qtd_conexoes_afetadas', 'status', 'titulo',
    ]);
    assert.deepEqual(
      [first.titulo, first.status, first.causa, first.data_inicio, first.previsao_termino, first.data_termino, first.qtd_conexoes_afetadas],
      [s.ongoing.title, 'A', 'Rompimento de fibra', '2026-11-24T12:00:00.000Z', '2026-11-24T16:00:00.000Z', null, 3],
    );
    assert.equal(typeof first.cod, 'number');
  });

  test('status=F: the finished ones only, with their end', async () => {
    const res = await core(t.app, 'GET', '/notificacoes/status', { token, status: 'F' });
    assert.deepEqual(res.body.map((o: { cod: number }) => o.cod), [s.finished.id]);
    assert.deepEqual([res.body[0].status, res.body[0].data_termino, res.body[0].qtd_conexoes_afetadas], ['F', '2026-11-01T14:00:00.000Z', 1]);
  });

  test('status missing → 006; other values → 005 naming the accepted ones (HTTP 4xx, MK envelope)', async () => {
    const missing = await core(t.app, 'GET', '/notificacoes/status', { token });
    assert.equal(missing.http, 400);
    assert.ok(isMkErrorBody(missing.body, '006'));
    const bad = await core(t.app, 'GET', '/notificacoes/status', { token, status: 'X' });
    assert.ok(isMkErrorBody(bad.body, '005'));
    assert.match(bad.body.Mensagem, /status.*A, F/);
  });
});
