import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startPaymentsRetention, purgePaymentsData } from '../../../src/modules/payments/retention.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createBillingSetup, createCustomer, type Setup } from '../../support/factories/billing.ts';
import { mk } from '../../support/mk-client.ts';

const HOUR = 3_600_000;

describe('payments retention: idempotency answers and vault entries of deactivated cards', () => {
  let t: TestApp;
  let s: Setup;
  before(async () => {
    t = await buildTestApp();
    s = await createBillingSetup(t.db);
  });
  after(async () => t.close());

  const storeAnswer = (key: string, at: Date) =>
    t.db
      .insertInto('idempotent_responses')
      .values({ endpoint_id: 'WSMKLiquidacaoFaturasV2', scope_key: key, request_hash: 'a'.repeat(64), response: '{"ok":{}}', created_at: at })
      .execute();
  const answers = async () => (await t.db.selectFrom('idempotent_responses').select('scope_key').orderBy('scope_key').execute()).map((r) => r.scope_key);

  async function card(active: 'S' | 'N') {
    const token = await tokenFor(t.db, { now: t.clock.now() });
    const c = await createCustomer(t.db, s);
    const res = await mk(
      t.app,
      'WSMKPerfilCartaoCreditoNovo',
      { token, portador: 'TITULAR', mm: 1, aa: 2031, cvv: '321', doc: '52998224725', numero: '4111111111111111', debito_auto: 'N', cd_cliente: c.id, ativo: active },
      { method: 'POST' },
    );
    const id = res.body.Cartao.cd_cartao as number;
    const row = await t.db.selectFrom('credit_cards').select('vault_token').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, vaultToken: row.vault_token, token };
  }
  const inVault = async (vaultToken: string) =>
    (await t.db.selectFrom('card_vault_entries').select('token').where('token', '=', vaultToken).executeTakeFirst()) !== undefined;

  test('Idempotency-Key answers older than 7 days are deleted, newer ones kept', async () => {
    const now = t.clock.now().getTime();
    await storeAnswer('1:old', new Date(now - 7 * 24 * HOUR - 1000));
    await storeAnswer('1:recent', new Date(now - 6 * 24 * HOUR));
    const r = await purgePaymentsData(t, { batchSize: 1 });
    assert.equal(r.ran, true);
    assert.equal(r.idempotentResponses, 1);
    assert.deepEqual(await answers(), ['1:recent']);
  });

  test('a card deactivated more than 30 days ago loses its vault entry; active and recently deactivated ones keep theirs; it cannot be reactivated', async () => {
    const active = await card('S');
    const old = await card('N');
    t.clock.advance(20 * 24 * HOUR);
    const recent = await card('N');
    t.clock.advance(10 * 24 * HOUR + 1000);
    const r = await purgePaymentsData(t);
    assert.equal(r.vaultEntries, 1);
    assert.deepEqual([await inVault(active.vaultToken), await inVault(old.vaultToken), await inVault(recent.vaultToken)], [true, false, true]);
    const token = await tokenFor(t.db, { now: t.clock.now() });
    const again = await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: old.id, ativar: 'S', recorencia: 'N' }, { method: 'POST' });
    assert.deepEqual(again.body, {
      Mensagem: 'Cartão desativado há mais de 30 dias: dados removidos; cadastre o cartão novamente.',
      'Num. ERRO': '008',
      status: 'ERRO',
    });
    const stillOff = await t.db.selectFrom('credit_cards').select('active').where('id', '=', old.id).executeTakeFirstOrThrow();
    assert.equal(stillOff.active, false);
    const back = await mk(t.app, 'WSMKAlterarCartao', { token, cd_cartao: recent.id, ativar: 'S', recorencia: 'N' }, { method: 'POST' });
    assert.equal(back.body.status, 'OK');
  });

  test('a vault entry no card refers to is deleted once older than the grace period', async () => {
    const at = new Date(t.clock.now().getTime() - 31 * 24 * HOUR);
    const orphan = `vlt_${'x'.repeat(32)}`;
    await t.db.insertInto('card_vault_entries').values({ token: orphan, iv: 'aa', ciphertext: 'bb', auth_tag: 'cc', key_id: 'legacy', created_at: at }).execute();
    await purgePaymentsData(t);
    assert.equal(await inVault(orphan), false);
  });

  test('the job started by the payments module runs the purge on its interval', async () => {
    await storeAnswer('2:old', new Date(t.clock.now().getTime() - 8 * 24 * HOUR));
    const stop = startPaymentsRetention({ db: t.db, clock: t.clock, config: t.config, log: t.app.log }, 20);
    try {
      for (let i = 0; i < 100 && (await answers()).includes('2:old'); i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await stop();
    }
    assert.ok(!(await answers()).includes('2:old'));
  });
});
