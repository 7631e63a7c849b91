import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createCustomer, createWorld, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

describe('WSMKUserSenhaSAC (cd_servico 4)', () => {
  let t: TestApp;
  let token: string;
  let customer: { id: number; name: string };
  before(async () => {
    t = await buildTestApp({ modules: ownModules() });
    token = await tokenFor(t.db, { services: [4] });
    const w = await createWorld(t.db);
    customer = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, name: 'MARIA SAC', sacLogin: 'maria.sac', sacPassword: 'Senha123' });
    await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId, sacLogin: 'sem.senha' });
  });
  after(async () => t.close());

  test('right login and password → CodigoPessoa, Nome, AcessoSAC; login case-insensitive; POST too', async () => {
    const res = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'maria.sac', pass_sac: 'Senha123' });
    assert.deepEqual(res.body, { AcessoSAC: 'Liberado', CodigoPessoa: customer.id, Nome: 'MARIA SAC', status: 'OK' });
    const upper = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'MARIA.SAC', pass_sac: 'Senha123' }, { method: 'POST' });
    assert.equal(upper.body.CodigoPessoa, customer.id);
  });

  test('wrong password, unknown login and a login without password give the same 007 refusal', async () => {
    const bodies = [];
    for (const [user_sac, pass_sac] of [['maria.sac', 'senha123'], ['ninguem', 'Senha123'], ['sem.senha', 'qualquer']]) {
      const res = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac, pass_sac });
      assert.equal(res.http, 200);
      bodies.push(res.body);
    }
    for (const b of bodies) assert.deepEqual(b, bodies[0]);
    assert.equal(bodies[0]['Num. ERRO'], '007');
    assert.deepEqual(Object.keys(bodies[0]), ['Mensagem', 'Num. ERRO', 'status']);
  });

  test('missing parameters → 006; the password never reaches the activity log', async () => {
    assert.equal((await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'maria.sac' })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKUserSenhaSAC', { token, pass_sac: 'x' })).body['Num. ERRO'], '006');
    await new Promise((r) => setTimeout(r, 1200));
    const rows = await t.db.selectFrom('activity_log').select('query').where('endpoint_id', '=', 'WSMKUserSenhaSAC').execute();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.ok(!String(r.query).includes('Senha123'), String(r.query));
  });
});
