import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { keyIdOf, purposeKey } from '../../../src/lib/keys.ts';
import { hmacHex } from '../../../src/lib/tokens.ts';
import { contraSenhaHash } from '../../../src/modules/auth/contra-senha-lookup.ts';
import { signBoletoToken, verifyBoletoToken } from '../../../src/modules/billing/boleto-link.ts';
import { BuiltInVault } from '../../../src/modules/payments/card-gateway.ts';
import { purgePaymentsData } from '../../../src/modules/payments/retention.ts';
import { createAccess } from '../../support/access.ts';
import { buildTestApp, TEST_SECRET, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createCustomer, createInvoice, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';
import { adminCall, createOperatorRow, loginAs } from '../webservice-admin/admin-client.ts';

const OLD_SECRET = 'old-secret-key-0123456789abcdef-0123456789';
const card = { number: '4111111111111111', expiryMonth: 5, expiryYear: 2031, holder: 'TITULAR' };

describe('per-purpose keys (HKDF of SECRET_KEY) and secret rotation', () => {
  let t: TestApp;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  test("a contra-senha's stored hash is not a valid boleto-link MAC (the old single-key scheme made it one)", async () => {
    const c = await createCustomer(t.db, s);
    const inv = await createInvoice(t.db, s, c.id);
    const expiresAtSec = Math.floor(t.clock.now().getTime() / 1000) + 3600;
    const contraSenha = `boleto-pdf:${inv.id}:${expiresAtSec}`;
    const admin = await loginAs(t.app, await createOperatorRow(t.db));
    const created = await adminCall(t.app, 'POST', '/profiles', admin, { description: 'colisão', contraSenha, services: [9999] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const row = await t.db.selectFrom('ws_profiles').select('secret_hmac').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    assert.equal(row.secret_hmac, contraSenhaHash(t.config, contraSenha));
    assert.notEqual(row.secret_hmac, hmacHex(TEST_SECRET, contraSenha));
    const forged = `${inv.id}.${expiresAtSec}.${Buffer.from(row.secret_hmac!, 'hex').toString('base64url')}`;
    assert.deepEqual(verifyBoletoToken(t.config, forged, t.clock.now()), { ok: false, reason: 'invalid' });
    assert.equal((await t.app.inject({ url: `/boletos/${forged}.pdf` })).statusCode, 404);
    // A genuine link still works.
    const genuine = signBoletoToken(t.config, inv.id, t.clock.now());
    assert.equal((await t.app.inject({ url: `/boletos/${genuine}.pdf` })).statusCode, 200);
  });

  test('each purpose has its own key; the key id names the secret, not the key', () => {
    const purposes = ['contra-senha', 'boleto-link', 'admin-csrf', 'card-vault', 'outbox'] as const;
    const keys = new Set(purposes.map((p) => purposeKey(TEST_SECRET, p).toString('hex')));
    assert.equal(keys.size, purposes.length);
    assert.match(keyIdOf(TEST_SECRET), /^[0-9a-f]{8}$/);
    assert.notEqual(keyIdOf(TEST_SECRET), keyIdOf(OLD_SECRET));
    for (const k of keys) assert.ok(!k.startsWith(keyIdOf(TEST_SECRET)));
  });

  test('a profile stored with the pre-HKDF hash still authenticates and is rewritten to the current hash', async () => {
    const a = await createAccess(t.db);
    await t.db.updateTable('ws_profiles').set({ secret_hmac: hmacHex(TEST_SECRET, a.contraSenha) }).where('id', '=', a.profileId).execute();
    const res = await mk(t.app, 'WSAutenticacao', { token: a.userToken, password: a.contraSenha, cd_servico: 9999 });
    assert.equal(res.body.status, 'OK', JSON.stringify(res.body));
    const row = await t.db.selectFrom('ws_profiles').select('secret_hmac').where('id', '=', a.profileId).executeTakeFirstOrThrow();
    assert.equal(row.secret_hmac, contraSenhaHash(t.config, a.contraSenha));
  });

  test('rotation: vault rows carry a key id; the old secret in PREVIOUS_SECRET_KEYS still opens them until the job re-encrypts them', async () => {
    const before = new BuiltInVault(OLD_SECRET);
    const { vaultToken } = await before.tokenize(t.db, card, '123', t.clock.now());
    const keyOf = async () => (await t.db.selectFrom('card_vault_entries').select('key_id').where('token', '=', vaultToken).executeTakeFirstOrThrow()).key_id;
    assert.equal(await keyOf(), keyIdOf(OLD_SECRET));

    const rotated = { ...t.config, secretKey: TEST_SECRET, previousSecretKeys: [OLD_SECRET] };
    assert.deepEqual(await new BuiltInVault(rotated).reveal(t.db, vaultToken), card);
    await assert.rejects(new BuiltInVault(TEST_SECRET).reveal(t.db, vaultToken), /retired secret/);

    const r = await purgePaymentsData({ db: t.db, clock: t.clock, config: rotated });
    assert.ok(r.rewrapped >= 1);
    assert.equal(await keyOf(), keyIdOf(TEST_SECRET));
    assert.deepEqual(await new BuiltInVault(TEST_SECRET).reveal(t.db, vaultToken), card);
  });

  test('entries written before key ids (legacy) keep opening and are re-encrypted by the job', async () => {
    const { createCipheriv, createHash, randomBytes } = await import('node:crypto');
    const token = `vlt_${randomBytes(24).toString('base64url')}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update(`provedor-card-vault:${TEST_SECRET}`).digest(), iv);
    cipher.setAAD(Buffer.from(token));
    const ct = Buffer.concat([cipher.update(JSON.stringify({ n: card.number, m: 5, y: 2031, h: 'TITULAR' }), 'utf8'), cipher.final()]);
    await t.db
      .insertInto('card_vault_entries')
      .values({ token, iv: iv.toString('base64url'), ciphertext: ct.toString('base64url'), auth_tag: cipher.getAuthTag().toString('base64url'), key_id: 'legacy', created_at: t.clock.now() })
      .execute();
    await t.db.insertInto('credit_cards').values({
      customer_id: (await createCustomer(t.db, s)).id, holder_name: 'TITULAR', holder_document: '52998224725', brand: 'visa',
      first6: '411111', last4: '1111', expiry_month: 5, expiry_year: 2031, vault_token: token,
    }).execute();
    assert.deepEqual(await new BuiltInVault(t.config).reveal(t.db, token), card);
    await purgePaymentsData(t);
    const row = await t.db.selectFrom('card_vault_entries').select('key_id').where('token', '=', token).executeTakeFirstOrThrow();
    assert.equal(row.key_id, keyIdOf(TEST_SECRET));
    assert.deepEqual(await new BuiltInVault(t.config).reveal(t.db, token), card);
  });

  test('boleto links signed with a retired secret work while it is listed; PREVIOUS_SECRET_KEYS needs 32+ chars each', () => {
    const link = signBoletoToken({ secretKey: OLD_SECRET }, 42, t.clock.now());
    assert.deepEqual(verifyBoletoToken({ secretKey: TEST_SECRET, previousSecretKeys: [OLD_SECRET] }, link, t.clock.now()), { ok: true, invoiceId: 42 });
    assert.equal(verifyBoletoToken({ secretKey: TEST_SECRET }, link, t.clock.now()).ok, false);
    const cfg = loadConfig({ PREVIOUS_SECRET_KEYS: `${OLD_SECRET}, ${'z'.repeat(40)}` }, { secretKey: TEST_SECRET, dataDir: '.tmp/test-data' });
    assert.deepEqual(cfg.previousSecretKeys, [OLD_SECRET, 'z'.repeat(40)]);
    assert.throws(() => loadConfig({ PREVIOUS_SECRET_KEYS: 'short' }, { secretKey: TEST_SECRET, dataDir: '.tmp/test-data' }), /PREVIOUS_SECRET_KEYS/);
  });
});
