import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createServiceWorld, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKListaClassificacoesAte', () => {
  let t: TestApp;
  let w: ServiceWorld;
  before(async () => {
    t = await buildTestApp({ modules: serviceModules() });
    w = await createServiceWorld(t.db);
  });
  after(async () => t.close());

  test('active classifications under ClassificacoesAtendimento with encerramento Sim/Não; inactive ones hidden', async () => {
    const res = await mk(t.app, 'WSMKListaClassificacoesAte', { token: await tokenFor(t.db) });
    assert.equal(res.body.status, 'OK');
    const items = res.body.ClassificacoesAtendimento as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(items[0] ?? {}), ['codigo', 'descricao', 'encerramento']);
    const byId = new Map(items.map((i) => [i.codigo, i]));
    assert.equal(byId.get(w.openClass)?.encerramento, 'Não');
    assert.match(String(byId.get(w.openClass)?.descricao), /^SEM CONEXÃO/);
    assert.equal(byId.get(w.closingClass)?.encerramento, 'Sim');
    assert.equal(byId.has(w.inactiveClass), false);
    assert.match(res.raw, /"ClassificacoesAtendimento":\[\{"codigo":\d+,"descricao":"SEM CONEXÃO/);
  });

  test('cd_servico 10 is enough; a token for another service is refused (002)', async () => {
    assert.equal((await mk(t.app, 'WSMKListaClassificacoesAte', { token: await tokenFor(t.db, { services: [10] }) })).body.status, 'OK');
    const refused = await mk(t.app, 'WSMKListaClassificacoesAte', { token: await tokenFor(t.db, { services: [11] }) });
    assert.equal(refused.body['Num. ERRO'], '002');
  });
});
