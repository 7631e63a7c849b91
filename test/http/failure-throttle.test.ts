import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { authModule } from '../../src/modules/auth/index.ts';
import { createAccess, type Access } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { mk } from '../support/mk-client.ts';

describe('failed credential checks are throttled per endpoint and client IP', () => {
  let t: TestApp;
  let access: Access;
  before(async () => {
    t = await buildTestApp({ modules: [authModule] });
    access = await createAccess(t.db);
  });
  after(async () => t.close());

  const login = (password: string, ip = '198.51.100.7') =>
    mk(t.app, 'WSAutenticacao', { token: access.userToken, password, cd_servico: 9999 }, { ip });

  test('ten wrong contra-senhas, then even the right one gets 011 until the window passes', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await login(`wrong-${i}-secret`)).body['Num. ERRO'], '007');
    const blocked = await login(access.contraSenha);
    assert.deepEqual(Object.keys(blocked.body), ['Mensagem', 'Num. ERRO', 'status']);
    assert.equal(blocked.body['Num. ERRO'], '011');
    assert.equal((await login(access.contraSenha, '198.51.100.8')).body.status, 'OK', 'other IPs are not affected');
    t.clock.advance(16 * 60_000);
    assert.equal((await login(access.contraSenha)).body.status, 'OK');
  });

  test('successful logins and other errors do not count', async () => {
    for (let i = 0; i < 12; i++) assert.equal((await login(access.contraSenha, '198.51.100.9')).body.status, 'OK');
    for (let i = 0; i < 12; i++) {
      const res = await mk(t.app, 'WSAutenticacao', { token: access.userToken, password: access.contraSenha, cd_servico: 'x' }, { ip: '198.51.100.9' });
      assert.equal(res.body['Num. ERRO'], '005');
    }
    assert.equal((await login(access.contraSenha, '198.51.100.9')).body.status, 'OK');
  });
});
