import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { SmtpEmailProvider } from '../../../src/modules/notifications/email-provider.ts';
import { OutboxDispatcher } from '../../../src/modules/notifications/outbox-dispatcher.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { contractModules, createLookups, type Lookups, novoContratoParams } from '../../support/factories/contracts.ts';
import { isMkErrorBody, mk } from '../../support/mk-client.ts';
import { startSmtpSink } from '../../support/smtp-sink.ts';

describe('WSMKNovoContrato', () => {
  let t: TestApp;
  let token: string;
  let l: Lookups;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  before(async () => {
    sink = await startSmtpSink();
    t = await buildTestApp({ modules: contractModules() });
    token = await tokenFor(t.db);
    l = await createLookups(t.db);
  });
  after(async () => {
    await t.close();
    await sink.close();
  });

  const call = (params: Record<string, string | number | undefined>) => mk(t.app, 'WSMKNovoContrato', { token, ...params });
  const contractsOf = (customerId: number) => t.db.selectFrom('contracts').selectAll().where('customer_id', '=', customerId).execute();

  test('creates an active contract with every code stored, its history row and an audit row', async () => {
    const c = await l.newCustomer();
    const res = await call({
      ...novoContratoParams(l, c.id),
      CodigoDescontoAplicado: l.promoDiscountId,
      DescontoInatividade: l.inactivityDiscountId,
      ConsultorCRM: l.consultantId,
      IgnorarRenovacaoAutomatica: 'S',
      ValorSugeridoRenovacao: '109,90',
      CodigoMetodoFaturamento: 2,
    });
    assert.equal(res.http, 200);
    assert.deepEqual(Object.keys(res.body), ['CodigoContrato', 'Mensagem', 'Situacao', 'status']);
    assert.equal(res.body.Situacao, 'Ativo');
    const [k] = await contractsOf(c.id);
    assert.ok(k);
    assert.equal(k.id, res.body.CodigoContrato);
    assert.equal(k.status, 'active');
    assert.equal(k.access_plan_id, l.planId);
    assert.equal(k.monthly_amount_cents, 9990);
    assert.equal(k.signed_on, '2026-11-24');
    assert.equal(k.ends_on, '2027-11-24');
    assert.equal(k.billing_method, 'group_charges');
    assert.equal(k.auto_renew, false);
    assert.equal(k.renewal_amount_cents, 10990);
    assert.equal(k.discount_id, l.promoDiscountId);
    assert.equal(k.inactivity_discount_id, l.inactivityDiscountId);
    assert.equal(k.sales_consultant_id, l.consultantId);
    assert.ok(k.activated_at);
    const history = await t.db.selectFrom('contract_status_changes').selectAll().where('contract_id', '=', k.id).execute();
    assert.deepEqual(history.map((h) => [h.from_status, h.to_status]), [[null, 'active']]);
    assert.ok(history[0]?.operator_id);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'contract').where('entity_id', '=', String(k.id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['contract.create']);
    assert.match(audit[0]?.actor ?? '', /^operator:/);
  });

  test('AguardaAtivacao=S creates it awaiting activation (no activation instant); a bare IgnorarRenovacaoAutomatica (as in the doc URL) = N', async () => {
    const c = await l.newCustomer();
    const res = await call({ ...novoContratoParams(l, c.id), AguardaAtivacao: 'S', IgnorarRenovacaoAutomatica: '', DescontoInatividade: '' });
    assert.equal(res.body.Situacao, 'Aguardando ativação');
    const [k] = await contractsOf(c.id);
    assert.equal(k?.status, 'awaiting_activation');
    assert.equal(k?.activated_at, null);
    assert.equal(k?.auto_renew, true);
    assert.equal(k?.inactivity_discount_id, null);
    const bad = await call({ ...novoContratoParams(l, c.id), AguardaAtivacao: 'talvez' });
    assert.ok(isMkErrorBody(bad.body, '005'));
    assert.match(bad.body.Mensagem, /AguardaAtivacao/);
  });

  test('plan type 12 (CRM) takes a CRM product code; other types an access plan of that type', async () => {
    const c = await l.newCustomer();
    const crm = await call({ ...novoContratoParams(l, c.id), CodigoTipoPlano: 12, CodigoPlanoAcesso: l.crmProductId });
    assert.equal(crm.body.status, 'OK');
    const k = (await contractsOf(c.id))[0];
    assert.deepEqual([k?.crm_product_id, k?.access_plan_id, k?.monthly_amount_cents, k?.ends_on], [l.crmProductId, null, 15990, null]);
    const wrongType = await call({ ...novoContratoParams(l, c.id), CodigoTipoPlano: 8, CodigoPlanoAcesso: l.planId });
    assert.ok(isMkErrorBody(wrongType.body, '005'));
    assert.match(wrongType.body.Mensagem, /CodigoPlanoAcesso/);
    const iptv = await call({ ...novoContratoParams(l, c.id), CodigoTipoPlano: 8, CodigoPlanoAcesso: l.iptvPlanId });
    assert.equal(iptv.body.status, 'OK');
    const crmAsPlan = await call({ ...novoContratoParams(l, c.id), CodigoTipoPlano: 12, CodigoPlanoAcesso: l.planId + 100_000 });
    assert.ok(isMkErrorBody(crmAsPlan.body, '005'));
  });

  test('every code is checked against its lookup: unknown, inactive or out-of-scope codes → 005 naming the parameter, nothing written', async () => {
    const c = await l.newCustomer();
    const cases: Array<[string, number]> = [
      ['CodigoCliente', 999_999],
      ['CodigoTipoPlano', 5],
      ['CodigoPlanoAcesso', l.inactivePlanId],
      ['CodigoPlanoAcesso', l.otherCompanyPlanId],
      ['CodigoRegraVencimento', l.inactiveDueRuleId],
      ['CodigoRegraBloqueio', l.inactiveBlockingRuleId],
      ['DescontoInatividade', l.promoDiscountId],
      ['CodigoDescontoAplicado', l.inactivePromoDiscountId],
      ['CodigoDescontoAplicado', l.inactivityDiscountId],
      ['CodigoFormaPagamento', 77],
      ['CodigoProfilePagamento', l.inactiveProfileId],
      ['CodigoProfilePagamento', l.pixProfileId],
      ['CodigoPlanoContas', l.chartParentId],
      ['CodigoPlanoContas', l.chartWithChildId],
      ['CodigoPlanoContas', l.chartExpenseId],
      ['CodigoPlanoContas', l.chartInactiveId],
      ['ConsultorCRM', 999_999],
      ['CodigoMetodoFaturamento', 4],
    ];
    for (const [param, value] of cases) {
      const res = await call({ ...novoContratoParams(l, c.id), [param]: value });
      assert.ok(isMkErrorBody(res.body, '005'), `${param}=${value}: ${res.raw}`);
      assert.match(res.body.Mensagem, new RegExp(param), `${param}=${value}`);
    }
    assert.equal((await contractsOf(c.id)).length, 0);
  });

  test('required parameters → 006; inactive customer and pre-registration → 008', async () => {
    const c = await l.newCustomer();
    for (const param of ['CodigoCliente', 'CodigoTipoPlano', 'CodigoPlanoAcesso', 'CodigoRegraVencimento', 'CodigoRegraBloqueio', 'CodigoFormaPagamento', 'CodigoProfilePagamento', 'CodigoMetodoFaturamento', 'CodigoPlanoContas']) {
      const res = await call({ ...novoContratoParams(l, c.id), [param]: undefined });
      assert.ok(isMkErrorBody(res.body, '006'), param);
      assert.match(res.body.Mensagem, new RegExp(param));
    }
    const inactive = await l.newCustomer({ status: 'inactive' });
    assert.ok(isMkErrorBody((await call(novoContratoParams(l, inactive.id))).body, '008'));
    const pre = await l.newCustomer({ personType: 'pre_registration' });
    assert.ok(isMkErrorBody((await call(novoContratoParams(l, pre.id))).body, '008'));
  });

  test('CodigoSLA is required only while an active SLA table exists, and must be an active one', async () => {
    const c = await l.newCustomer();
    assert.equal((await call(novoContratoParams(l, c.id))).body.status, 'OK');
    const sla = await t.db.insertInto('sla_tables').values({ name: 'SLA Ouro', response_hours: 4, resolution_hours: 24 }).returning('id').executeTakeFirstOrThrow();
    const old = await t.db.insertInto('sla_tables').values({ name: 'SLA Velho', response_hours: 4, resolution_hours: 24, active: false }).returning('id').executeTakeFirstOrThrow();
    try {
      const missing = await call(novoContratoParams(l, c.id));
      assert.ok(isMkErrorBody(missing.body, '006'));
      assert.match(missing.body.Mensagem, /CodigoSLA/);
      assert.ok(isMkErrorBody((await call({ ...novoContratoParams(l, c.id), CodigoSLA: old.id })).body, '005'));
      const ok = await call({ ...novoContratoParams(l, c.id), CodigoSLA: sla.id });
      const k = await t.db.selectFrom('contracts').select('sla_table_id').where('id', '=', ok.body.CodigoContrato).executeTakeFirstOrThrow();
      assert.equal(k.sla_table_id, sla.id);
    } finally {
      await t.db.updateTable('sla_tables').set({ active: false }).where('id', '=', sla.id).execute();
    }
  });

  test('EnviarBV=S requires EmailDst (valid); the welcome e-mail goes through the outbox and arrives over SMTP', async () => {
    const c = await l.newCustomer();
    const missing = await call({ ...novoContratoParams(l, c.id), EnviarBV: 'S' });
    assert.ok(isMkErrorBody(missing.body, '006'));
    assert.match(missing.body.Mensagem, /EmailDst/);
    assert.ok(isMkErrorBody((await call({ ...novoContratoParams(l, c.id), EnviarBV: 'S', EmailDst: 'not-an-email' })).body, '005'));
    assert.equal((await contractsOf(c.id)).length, 0);

    const res = await call({ ...novoContratoParams(l, c.id), EnviarBV: 'S', EmailDst: 'cliente.novo@example.com' });
    assert.equal(res.body.status, 'OK');
    const queued = await t.db.selectFrom('notification_outbox').selectAll().where('customer_id', '=', c.id).execute();
    assert.equal(queued.length, 1);
    assert.deepEqual([queued[0]?.channel, queued[0]?.purpose, queued[0]?.status, queued[0]?.recipient], ['email', 'welcome', 'pending', 'cliente.novo@example.com']);

    const provider = new SmtpEmailProvider(sink.url);
    try {
      const sent = await new OutboxDispatcher(t.db, null, t.clock, { email: provider }).runOnce();
      assert.equal(sent, 1);
    } finally {
      provider.close();
    }
    const mail = sink.mails.find((m) => m.to.includes('cliente.novo@example.com'));
    assert.ok(mail, 'the SMTP server received the welcome e-mail');
    assert.equal(mail.from, 'contato@provedor.test');
    assert.match(mail.raw, new RegExp(`X-Provedor-Outbox-Id: ${queued[0]?.id}\r`, 'i'));
    assert.ok(mail.raw.replace(/=\r?\n/g, '').includes(` ${res.body.CodigoContrato} (`), 'the body names the contract');
    const row = await t.db.selectFrom('notification_outbox').select(['status', 'sent_at']).where('id', '=', queued[0]?.id ?? 0).executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');

    const without = await call({ ...novoContratoParams(l, c.id), EnviarBV: 'N', EmailDst: 'outro@example.com' });
    assert.equal(without.body.status, 'OK');
    assert.equal((await t.db.selectFrom('notification_outbox').select('id').where('customer_id', '=', c.id).execute()).length, 1);
  });

  test('an SMS-only dispatcher leaves e-mails queued', async () => {
    const c = await l.newCustomer();
    await call({ ...novoContratoParams(l, c.id), EnviarBV: 'S', EmailDst: 'fila@example.com' });
    const sms = { send: async () => 'x' };
    assert.equal(await new OutboxDispatcher(t.db, sms, t.clock).runOnce(), 0);
    const row = await t.db.selectFrom('notification_outbox').select(['status', 'attempts']).where('customer_id', '=', c.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.attempts], ['pending', 0]);
  });
});

describe('e-mail outbox wiring (SMTP_URL)', () => {
  test('SMTP_URL must be smtp:// or smtps://', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail.example.com' }, { secretKey: 'k'.repeat(32) }), ConfigError);
    assert.equal(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465?from=a@b.com' }, { secretKey: 'k'.repeat(32) }).smtpUrl, 'smtps://u:p@mail.example.com:465?from=a@b.com');
  });

  test('with SMTP_URL set, the notifications module sends queued welcome e-mails by itself', async () => {
    const sink = await startSmtpSink();
    const t = await buildTestApp({ modules: contractModules(), config: { smtpUrl: sink.url } });
    try {
      const token = await tokenFor(t.db);
      const l = await createLookups(t.db);
      const c = await l.newCustomer();
      const res = await mk(t.app, 'WSMKNovoContrato', { token, ...novoContratoParams(l, c.id), EnviarBV: 'S', EmailDst: 'auto@example.com' });
      assert.equal(res.body.status, 'OK');
      for (let i = 0; i < 40 && !sink.mails.some((m) => m.to.includes('auto@example.com')); i++) await new Promise((r) => setTimeout(r, 250));
      assert.ok(sink.mails.some((m) => m.to.includes('auto@example.com')));
    } finally {
      await t.close();
      await sink.close();
    }
  });
});
