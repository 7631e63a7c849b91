import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.ts';

const secret = { SECRET_KEY: 'x'.repeat(32), DATA_DIR: '.tmp/config-test' };

test('defaults: port 8080 on 127.0.0.1, embedded database, 90-day retention', () => {
  const c = loadConfig(secret);
  assert.equal(c.port, 8080);
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.trustProxy, false);
  assert.equal(c.activityRetentionDays, 90);
  assert.equal(c.publicUrl, 'http://127.0.0.1:8080');
  assert.equal(c.activityLog, true, 'every call is logged unless ACTIVITY_LOG=false');
  assert.equal(loadConfig({ ...secret, ACTIVITY_LOG: 'false' }).activityLog, false);
  assert.equal(c.embeddedSharedBuffersMb, 16);
  assert.equal(c.embeddedWasmTierUp, false, "the embedded engine's WebAssembly stays on V8's baseline compiler");
  assert.equal(loadConfig({ ...secret, EMBEDDED_WASM_TIER_UP: 'true' }).embeddedWasmTierUp, true);
});

test('settings are read bare or with the PROVEDOR_ prefix', () => {
  const c = loadConfig({ ...secret, PORT: '9090', PROVEDOR_TRUST_PROXY: '1', DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
  assert.equal(c.port, 9090);
  assert.equal(c.trustProxy, 1);
  assert.equal(c.databaseUrl, 'postgres://u@127.0.0.1:5432/db');
});

test('an invalid value or an unknown PROVEDOR_ setting stops the start, naming the setting', () => {
  assert.throws(() => loadConfig({ ...secret, PORT: 'abc' }), (e: Error) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ ...secret, LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
  assert.throws(() => loadConfig({ ...secret, DEMO: 'maybe' }), /DEMO/);
  assert.throws(() => loadConfig({ ...secret, PROVEDOR_PROT: '1' }), /PROVEDOR_PROT: unknown setting/);
  assert.throws(() => loadConfig({ ...secret, SECRET_KEY: 'short' }), /SECRET_KEY/);
  assert.throws(() => loadConfig({ ...secret, PUBLIC_URL: 'not a url' }), /PUBLIC_URL/);
});

test('without SECRET_KEY a random secret is created once in DATA_DIR and kept across restarts', () => {
  const dir = `.tmp/config-secret-${process.pid}`;
  const first = loadConfig({ DATA_DIR: dir }).secretKey;
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.equal(loadConfig({ DATA_DIR: dir }).secretKey, first);
});

test('TRUST_PROXY takes a hop count or proxy addresses/CIDRs; true (trust every hop) is refused with the reason', () => {
  assert.equal(loadConfig({ ...secret, TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ ...secret, TRUST_PROXY: '0' }).trustProxy, false);
  assert.equal(loadConfig({ ...secret, TRUST_PROXY: '2' }).trustProxy, 2);
  assert.deepEqual(loadConfig({ ...secret, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,loopback' }).trustProxy, [
    '10.0.0.5',
    '10.1.0.0/16',
    '::1',
    'loopback',
  ]);
  for (const raw of ['true', 'TRUE', 'yes', 'on']) {
    assert.throws(
      () => loadConfig({ ...secret, TRUST_PROXY: raw }),
      (e: Error) => e instanceof ConfigError && /TRUST_PROXY: true is refused/.test(e.message) && /X-Forwarded-For/.test(e.message),
      raw,
    );
  }
  assert.throws(() => loadConfig({ ...secret, TRUST_PROXY: '10.0.0.300' }), /TRUST_PROXY: .*not an address or CIDR: 10\.0\.0\.300/);
  assert.throws(() => loadConfig({ ...secret, TRUST_PROXY: '10.0.0.0/33' }), /TRUST_PROXY/);
  assert.throws(() => loadConfig({ ...secret, TRUST_PROXY: '99' }), /TRUST_PROXY: a hop count/);
});
