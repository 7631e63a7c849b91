import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { authModule } from '../../src/modules/auth/index.ts';
import { createAccess } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';

const PROXY = '192.0.2.10';
const ALLOWED = '10.9.9.9';

/** WSAutenticacao on a profile limited to ALLOWED: its answer tells which IP the app saw. */
async function authenticateVia(t: TestApp, forwardedFor: string | undefined, remote = PROXY) {
  const a = await createAccess(t.db, { limitToIps: [ALLOWED] });
  const query = new URLSearchParams({ sys: 'MK0', token: a.userToken, password: a.contraSenha, cd_servico: '9999' });
  const res = await t.app.inject({
    method: 'GET',
    url: `/mk/WSAutenticacao.rule?${query}`,
    remoteAddress: remote,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
  return JSON.parse(res.body).status as string;
}

for (const [label, raw] of [
  ['a hop count', '1'],
  ['the proxy CIDR', '192.0.2.0/24'],
] as const) {
  describe(`TRUST_PROXY=${raw} (${label})`, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp({ modules: [authModule], config: { trustProxy: loadConfig({ SECRET_KEY: 'x'.repeat(32), DATA_DIR: '.tmp/tp', TRUST_PROXY: raw }).trustProxy } });
    });
    after(async () => t.close());

    test('the client IP is the one the trusted proxy appended, not what the client wrote', async () => {
      // The client forged "10.9.9.9"; the proxy appended the real address.
      assert.equal(await authenticateVia(t, `${ALLOWED}, 198.51.100.7`), 'ERRO');
      assert.equal(await authenticateVia(t, ALLOWED), 'OK');
    });
  });
}

describe('TRUST_PROXY unset', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ modules: [authModule] });
  });
  after(async () => t.close());

  test('X-Forwarded-For is ignored', async () => {
    assert.equal(await authenticateVia(t, ALLOWED), 'ERRO');
    assert.equal(await authenticateVia(t, undefined, ALLOWED), 'OK');
  });
});
