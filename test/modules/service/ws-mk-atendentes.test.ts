import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKAtendentes', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('the attendant of Codigo_atendente (also spelled codigo_atendente)', async () => {
    for (const name of ['Codigo_atendente', 'codigo_atendente']) {
      const res = await mk(t.app, 'WSMKAtendentes', { token, [name]: w.attendant });
      assert.equal(res.body.status, 'OK');
      assert.deepEqual(res.body.Atendentes, [{ codigo_atendente: w.attendant, email: 'camila@example.com', nome_atendente: 'CAMILA ROCHA', situacao: 'Ativo' }]);
    }
  });

  test('errors: unknown code → 003 (three keys), missing → 006, not a number → 005', async () => {
    const unknown = await mk(t.app, 'WSMKAtendentes', { token, Codigo_atendente: 999_999 });
    assert.deepEqual(unknown.body, { Mensagem: 'Dados não localizados.', 'Num. ERRO': '003', status: 'ERRO' });
    assert.equal((await mk(t.app, 'WSMKAtendentes', { token })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKAtendentes', { token, Codigo_atendente: 'abc' })).body['Num. ERRO'], '005');
  });
});
