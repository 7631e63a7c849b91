import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { authModule } from '../../../src/modules/auth/index.ts';
import { createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { probeModule } from './probe-module.ts';

describe('single-use ("Invalidar") tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, probeModule] });
  });
  after(async () => t.close());

  test('50 concurrent uses of one single-use token: exactly one succeeds', async () => {
    const a = await createAccess(t.db, { singleUse: true, services: [6] });
    const auth = await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: a.contraSenha, cd_servico: 6 });
    assert.equal(auth.body.LimiteUso, 1);
    const url = `/mk/WSMKConsultaDoc.rule?sys=MK0&token=${encodeURIComponent(auth.body.Token)}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => t.app.inject({ url })));
    const bodies = results.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    assert.equal(bodies.filter((b) => b.status === 'OK').length, 1);
    const refused = bodies.filter((b) => b.status !== 'OK');
    assert.equal(refused.length, 49);
    for (const b of refused) assert.equal(b.CodToken, '001');
    const session = await t.db.selectFrom('ws_sessions').select('used_at').where('profile_id', '=', a.profileId).executeTakeFirstOrThrow();
    assert.ok(session.used_at instanceof Date);
  });

  test('a refused call (wrong service) does not consume the token', async () => {
    const a = await createAccess(t.db, { singleUse: true, services: [6, 7] });
    const { Token } = (await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: a.contraSenha, cd_servico: 7 })).body;
    assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token: Token })).body['Num. ERRO'], '002');
    const used = await t.db.selectFrom('ws_sessions').select('used_at').where('profile_id', '=', a.profileId).executeTakeFirstOrThrow();
    assert.equal(used.used_at, null);
  });

  test('a non-single-use token keeps working until it expires', async () => {
    const a = await createAccess(t.db, { services: [6] });
    const { Token } = (await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: a.contraSenha, cd_servico: 6 })).body;
    for (let i = 0; i < 3; i += 1) assert.equal((await mk(t.app, 'WSMKConsultaDoc', { token: Token })).body.status, 'OK');
  });
});
