import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKOSListaGruposServico', () => {
  let t: TestApp;
  let w: ServiceWorld;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
  });
  after(async () => t.close());

  test('GruposServico: active groups only, codgrupo + descricao', async () => {
    const res = await mk(t.app, 'WSMKOSListaGruposServico', { token: await tokenFor(t.db) });
    assert.equal(res.body.status, 'OK');
    assert.deepEqual(res.body.GruposServico.map((g: { codgrupo: number }) => g.codgrupo), [w.group]);
    assert.match(res.body.GruposServico[0].descricao, /^EQUIPE FIBRA/);
  });
});
