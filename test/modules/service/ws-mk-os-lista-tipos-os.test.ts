import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKOSListaTiposOS', () => {
  let t: TestApp;
  let w: ServiceWorld;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
  });
  after(async () => t.close());

  test('Tipos: codostipo (number) + descricao of active types only', async () => {
    const res = await mk(t.app, 'WSMKOSListaTiposOS', { token: await tokenFor(t.db) });
    assert.equal(res.body.status, 'OK');
    const codes = res.body.Tipos.map((x: { codostipo: number }) => x.codostipo);
    assert.deepEqual(codes, [w.installType, w.maintenanceType]);
    assert.match(res.raw, new RegExp(`\\{"codostipo":${w.maintenanceType},"descricao":"MANUTENÇÃO \\d+"\\}`));
  });
});
