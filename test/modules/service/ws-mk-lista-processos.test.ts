import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKListaProcessos', () => {
  let t: TestApp;
  let w: ServiceWorld;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
  });
  after(async () => t.close());

  test('lower-case "processos": active root processes with their sub-processes; inactive ones hidden', async () => {
    const res = await mk(t.app, 'WSMKListaProcessos', { token: await tokenFor(t.db, { services: [11] }) });
    assert.equal(res.body.status, 'OK');
    assert.ok(Array.isArray(res.body.processos));
    assert.equal(res.body.Processos, undefined);
    const root = res.body.processos.find((p: { codprocesso: number }) => p.codprocesso === w.rootProcess);
    assert.match(root.nome_processo, /^SUPORTE TÉCNICO/);
    assert.deepEqual(root.subprocessos, [{ codprocesso: w.childProcess, nome_processo: 'TECNICO-SEM-CONEXAO' }]);
    assert.equal(res.body.processos.some((p: { codprocesso: number }) => p.codprocesso === w.inactiveProcess), false);
    assert.equal(res.body.processos.some((p: { codprocesso: number }) => p.codprocesso === w.childProcess), false);
  });
});
