import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import { unseal } from '../../../src/lib/keys.ts';
import { verifyPassword } from '../../../src/lib/password.ts';
import { OutboxDispatcher } from '../../../src/modules/notifications/outbox-dispatcher.ts';
import { type SmsProvider, WebhookSmsProvider } from '../../../src/modules/notifications/sms-provider.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { createContract, createCustomer, createWorld, ownModules } from '../../support/factories/customers.ts';
import { mk } from '../../support/mk-client.ts';

const outboxCount = async (db: Db) =>
  Number((await db.selectFrom('notification_outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('WSMKAlterarSenhaSac', () => {
  let t: TestApp;
  let token: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let receiver: Server;
  let url: string;
  const received: Array<{ id: number; to: string; message: string }> = [];
  before(async () => {
    receiver = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        received.push(JSON.parse(data));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `prov-${received.length}` }));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms`;
    // An SMS provider is configured (the module's own dispatcher is left out: tests drive sending).
    t = await buildTestApp({ modules: ownModules().filter((m) => m.name !== 'notifications'), config: { smsWebhookUrl: url } });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
  });
  after(async () => {
    await t.close();
    await new Promise((r) => receiver.close(r));
  });

  const person = (tag: string, o: { sac?: boolean; phone?: string; phoneKind?: 'landline' } = {}) =>
    createCustomer(t.db, {
      companyId: w.company.id,
      streetId: w.place.streetId,
      tags: [tag],
      sacLogin: o.sac === false ? null : `sac${tag}${Math.random().toString(36).slice(2, 8)}`,
      sacPassword: o.sac === false ? undefined : 'Antiga123',
      ...(o.phone ? { phone: o.phone } : {}),
      ...(o.phoneKind ? { phoneKind: o.phoneKind } : {}),
    });

  test('new password: hashed, queued as SMS, delivered by the dispatcher, never in the response; login works with it', async () => {
    const c = await person('grupo1', { phone: '43991112222' });
    const res = await mk(t.app, 'WSMKAlterarSenhaSac', { token, tag: 'grupo1', contrato_ativos: 'N' });
    assert.deepEqual(res.body, { Alterados: 1, Clientes: [c.id], SemCelular: [], status: 'OK' });
    const row = await t.db.selectFrom('customers').select(['sac_password_hash', 'sac_login']).where('id', '=', c.id).executeTakeFirstOrThrow();
    assert.equal(await verifyPassword('Antiga123', row.sac_password_hash!), false);
    const queued = await t.db.selectFrom('notification_outbox').selectAll().where('customer_id', '=', c.id).executeTakeFirstOrThrow();
    assert.deepEqual([queued.channel, queued.recipient, queued.purpose, queued.status], ['sms', '43991112222', 'sac_password', 'pending']);
    assert.match(queued.body, /^sealed:v1:[0-9a-f]{8}:/, 'the queued body is encrypted');
    assert.ok(!queued.body.includes('senha') && !queued.body.includes(row.sac_login!));

    const sent = await new OutboxDispatcher(t.db, new WebhookSmsProvider(url), t.clock, { unseal: (b) => unseal(t.config, 'outbox', b) }).runOnce();
    assert.equal(sent, 1);
    const msg = received.find((m) => m.id === queued.id)!;
    assert.equal(msg.to, '43991112222');
    const password = /senha do SAC: (\S+) /.exec(msg.message)![1]!;
    assert.match(password, /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{8,}$/);
    assert.ok(!res.raw.includes(password));
    assert.ok(!queued.body.includes(password));
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'sac_password_reset').where('entity_id', '=', String(c.id)).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(audit).includes(password));
    const after = await t.db.selectFrom('notification_outbox').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    assert.equal(after.status, 'sent');
    assert.ok(!after.body.includes(password), 'the stored body loses the password once sent');
    const login = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: row.sac_login!, pass_sac: password });
    assert.equal(login.body.CodigoPessoa, c.id);
    await t.app.flushActivityLog();
    const logs = await t.db.selectFrom('activity_log').select('query').where('endpoint_id', 'in', ['WSMKAlterarSenhaSac', 'WSMKUserSenhaSAC']).execute();
    assert.ok(logs.length >= 2, 'the reset and the login are both in the activity log');
    assert.ok(logs.every((l) => !String(l.query).includes(password)));
  });

  test('contrato_ativos=S keeps customers with an active contract; conexao_ativa=S also needs an unblocked connection', async () => {
    const ok = await person('grupo2');
    const cancelled = await person('grupo2');
    const blocked = await person('grupo2');
    await createContract(t.db, ok, w.company.id, { status: 'active', connection: 'unblocked' });
    await createContract(t.db, cancelled, w.company.id, { status: 'cancelled', connection: 'none' });
    await createContract(t.db, blocked, w.company.id, { status: 'active', connection: 'blocked' });
    const contracts = await mk(t.app, 'WSMKAlterarSenhaSac', { token, tag: 'grupo2', contrato_ativos: 'S' });
    assert.deepEqual(contracts.body.Clientes, [ok.id, blocked.id]);
    const both = await mk(t.app, 'WSMKAlterarSenhaSac', { token, tag: 'grupo2', contrato_ativos: 'S', conexao_ativa: 'S' });
    assert.deepEqual(both.body.Clientes, [ok.id]);
  });

  test('cd_clientes with pipes; customers without SAC login are not selected; without a mobile keep their password', async () => {
    const a = await person('grupo3');
    const noSac = await person('grupo3', { sac: false });
    const landline = await person('grupo3', { phone: '4332221111', phoneKind: 'landline' });
    const res = await mk(t.app, 'WSMKAlterarSenhaSac', { token, cd_clientes: `${a.id}|${noSac.id}|${landline.id}|`, contrato_ativos: 'N' });
    assert.deepEqual([res.body.Clientes, res.body.SemCelular], [[a.id], [landline.id]]);
    const kept = await t.db.selectFrom('customers').select('sac_password_hash').where('id', '=', landline.id).executeTakeFirstOrThrow();
    assert.ok(await verifyPassword('Antiga123', kept.sac_password_hash!));
  });

  test('errors: no selection filter → 004, contrato_ativos missing → 006 / not S|N → 005, bad list → 005, nobody → 003; nothing queued', async () => {
    const before = await outboxCount(t.db);
    assert.equal((await mk(t.app, 'WSMKAlterarSenhaSac', { token, contrato_ativos: 'N' })).body['Num. ERRO'], '004');
    assert.equal((await mk(t.app, 'WSMKAlterarSenhaSac', { token, tag: 'grupo1' })).body['Num. ERRO'], '006');
    assert.equal((await mk(t.app, 'WSMKAlterarSenhaSac', { token, tag: 'grupo1', contrato_ativos: 'X' })).body['Num. ERRO'], '005');
    assert.equal((await mk(t.app, 'WSMKAlterarSenhaSac', { token, cd_clientes: '1,2', contrato_ativos: 'N' })).body['Num. ERRO'], '005');
    assert.equal((await mk(t.app, 'WSMKAlterarSenhaSac', { token, tag: 'ninguem', contrato_ativos: 'N' })).body['Num. ERRO'], '003');
    assert.equal(await outboxCount(t.db), before);
  });

  test('a sealed password is never sent undecrypted, and a message that finally fails loses its body', async () => {
    const c = await person('grupo4', { phone: '43991113333' });
    assert.equal((await mk(t.app, 'WSMKAlterarSenhaSac', { token, tag: 'grupo4', contrato_ativos: 'N' })).body.Alterados, 1);
    const queued = await t.db.selectFrom('notification_outbox').selectAll().where('customer_id', '=', c.id).executeTakeFirstOrThrow();
    await t.db.updateTable('notification_outbox').set({ max_attempts: 2 }).where('id', '=', queued.id).execute();
    // Earlier tests left messages queued: only the ones of this outbox row count here.
    await t.db.updateTable('notification_outbox').set({ status: 'cancelled' }).where('id', '<>', queued.id).where('status', '=', 'pending').execute();
    const handed: string[] = [];
    // No key: refused before reaching the provider.
    const spy: SmsProvider = {
      send: async (m) => {
        handed.push(m.body);
        return 'x';
      },
    };
    assert.equal(await new OutboxDispatcher(t.db, spy, t.clock).runOnce(), 0);
    assert.equal(handed.length, 0);
    const first = await t.db.selectFrom('notification_outbox').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    assert.deepEqual([first.status, first.body], ['pending', queued.body]);
    // Last attempt fails at the provider: the row keeps no password, sealed or not.
    t.clock.set(first.next_attempt_at);
    const down: SmsProvider = {
      send: async (m) => {
        handed.push(m.body);
        throw new Error('provider down');
      },
    };
    assert.equal(await new OutboxDispatcher(t.db, down, t.clock, { unseal: (b) => unseal(t.config, 'outbox', b) }).runOnce(), 0);
    assert.equal(handed.length, 1);
    const last = await t.db.selectFrom('notification_outbox').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    assert.equal(last.status, 'failed');
    assert.equal(last.body, 'Mensagem com senha não enviada; conteúdo removido.');
    assert.ok(!last.body.includes(/senha do SAC: (\S+) /.exec(handed[0]!)![1]!));
  });

  test('no SMS provider configured → 004 naming the reason; no password changed, nothing queued', async () => {
    const u = await buildTestApp({ modules: ownModules() });
    try {
      const tk = await tokenFor(u.db);
      const wu = await createWorld(u.db);
      const c = await createCustomer(u.db, { companyId: wu.company.id, streetId: wu.place.streetId, tags: ['semsms'], sacLogin: 'sacsemsms', sacPassword: 'Antiga123', phone: '43991114444' });
      const res = await mk(u.app, 'WSMKAlterarSenhaSac', { token: tk, tag: 'semsms', contrato_ativos: 'N' });
      assert.deepEqual(res.body, {
        Mensagem: 'Nenhum provedor de SMS configurado: as novas senhas não seriam entregues; nenhuma senha foi alterada.',
        'Num. ERRO': '004',
        status: 'ERRO',
      });
      const row = await u.db.selectFrom('customers').select('sac_password_hash').where('id', '=', c.id).executeTakeFirstOrThrow();
      assert.ok(await verifyPassword('Antiga123', row.sac_password_hash!));
      assert.equal(await outboxCount(u.db), 0);
    } finally {
      await u.close();
    }
  });
});
