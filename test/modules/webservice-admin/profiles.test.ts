import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { contraSenhaHash } from '../../../src/modules/auth/contra-senha-lookup.ts';
import { TEST_SECRET, buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { adminCall, type AdminUser, type Auth, createOperatorRow, type Json } from './admin-client.ts';

describe('admin API: webservice profiles (four-step wizard)', () => {
  let t: TestApp;
  let admin: AdminUser;
  let auth: Auth;
  let member: AdminUser;
  let seq = 0;
  const contra = () => {
    seq += 1;
    return `Contra${process.pid}x${seq}z`;
  };
  const general = (over: Record<string, unknown> = {}) => ({
    kind: 'general',
    description: 'Integração portal do assinante',
    expiryMinutes: 45,
    singleUse: false,
    contraSenha: contra(),
    limitToIpList: false,
    ips: [],
    operatorIds: [member.id],
    services: [6, 7],
    ...over,
  });
  const create = (body: Record<string, unknown>) => adminCall(t.app, 'POST', '/profiles', auth, body);

  before(async () => {
    t = await buildTestApp();
    admin = await createOperatorRow(t.db);
    member = await createOperatorRow(t.db, { isAdmin: false });
    auth = { bearer: admin.adminKey };
  });
  after(async () => t.close());

  test('create a general profile with all four steps; the contra-senha is stored only as HMAC and works', async () => {
    const contraSenha = contra();
    const res = await create(general({ contraSenha, ips: [{ address: '203.0.113.0/24', note: 'portal' }, { address: '2001:db8::1', note: '' }] }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const p = res.body;
    assert.equal(p.kind, 'general');
    assert.equal(p.expiryMinutes, 45);
    assert.equal(p.createdBy, admin.login);
    assert.deepEqual(p.services, [6, 7]);
    assert.deepEqual(p.operators.map((o: Json) => o.id), [member.id]);
    assert.deepEqual(p.ips.map((i: Json) => i.address).sort(), ['2001:db8::1', '203.0.113.0/24']);
    assert.ok(!JSON.stringify(p).includes(contraSenha));
    const row = await t.db.selectFrom('ws_profiles').select('secret_hmac').where('id', '=', p.id).executeTakeFirstOrThrow();
    assert.equal(row.secret_hmac, contraSenhaHash({ secretKey: TEST_SECRET }, contraSenha));
    const login = await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: contraSenha, cd_servico: 9999 });
    assert.deepEqual(login.body.ServicosAutorizados, [6, 7]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'ws_profile').where('entity_id', '=', String(p.id)).execute();
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit).includes(contraSenha));
  });

  test('contra-senha rules: at least 8 characters mixing letters and digits; unique', async () => {
    for (const bad of ['abc12', 'abcdefghij', '1234567890', 'abcd 12345']) {
      const res = await create(general({ contraSenha: bad }));
      assert.equal(res.status, 400, bad);
      assert.match(res.body.message, /contra-senha/i);
    }
    assert.equal((await create(general({ contraSenha: undefined }))).status, 400);
    const same = contra();
    assert.equal((await create(general({ contraSenha: same }))).status, 201);
    assert.equal((await create(general({ contraSenha: same }))).status, 409);
  });

  test('the suggested contra-senha satisfies the rules', async () => {
    const res = await adminCall(t.app, 'GET', '/contra-senha/suggestion', auth);
    assert.match(res.body.contraSenha, /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{16}$/);
    assert.equal((await create(general({ contraSenha: res.body.contraSenha }))).status, 201);
  });

  test('step validation: IPs, operators, services, body schema', async () => {
    const badIp = await create(general({ ips: [{ address: '300.1.1.1', note: '' }] }));
    assert.equal(badIp.status, 400);
    assert.match(badIp.body.message, /IP inválido/);
    assert.equal((await create(general({ ips: [{ address: '10.0.0.0/33', note: '' }] }))).status, 400);
    assert.equal((await create(general({ limitToIpList: true, ips: [] }))).status, 400);
    assert.equal((await create(general({ operatorIds: [999999] }))).status, 400);
    const svc = await create(general({ services: [5] }));
    assert.equal(svc.status, 400);
    assert.match(svc.body.message, /Serviço inexistente: 5/);
    assert.equal((await create(general({ services: [] }))).status, 400);
    const missing = await create(general({ description: undefined }));
    assert.equal(missing.status, 400);
    assert.deepEqual(Object.keys(missing.body).sort(), ['error', 'message']);
    assert.match(missing.body.message, /description/);
    assert.equal((await create(general({ expiryMinutes: 0 }))).status, 400);
  });

  test('specific-authorisation profiles: dates required and ordered, no contra-senha', async () => {
    const base = { kind: 'specific', description: 'Técnicos de campo', operatorIds: [member.id], services: [9999], contraSenha: undefined };
    assert.equal((await create({ ...base })).status, 400);
    assert.equal((await create({ ...base, startsOn: '2026-12-01', endsOn: '2026-11-01' })).status, 400);
    assert.equal((await create({ ...base, startsOn: '2026-02-30', endsOn: '2026-12-01' })).status, 400);
    assert.equal((await create({ ...base, startsOn: '2026-01-01', endsOn: '2026-12-31', contraSenha: contra() })).status, 400);
    const ok = await create({ ...base, startsOn: '2026-11-01', endsOn: '2026-12-31' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.startsOn, '2026-11-01');
    const login = await mk(t.app, 'WSAutenticacaoOperador', { username: member.login, password: member.password });
    assert.equal(login.body.status, 'OK');
    const list = await adminCall(t.app, 'GET', '/profiles?kind=specific', auth);
    assert.ok(list.body.items.every((p: Json) => p.kind === 'specific'));
    const listed = list.body.items.find((p: Json) => p.id === ok.body.id);
    // Arrays, not PostgreSQL array literals: login is citext, whose arrays pg does not parse.
    assert.deepEqual(listed.operatorLogins, [member.login]);
    assert.deepEqual(listed.services, [9999]);
  });

  test('edit each step separately; changing services ends the profile sessions', async () => {
    const contraSenha = contra();
    const p = (await create(general({ contraSenha }))).body;
    const session = await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: contraSenha, cd_servico: 6 });
    assert.equal(session.body.status, 'OK');

    const data = await adminCall(t.app, 'PUT', `/profiles/${p.id}`, auth, { description: 'Renomeado', active: true, expiryMinutes: 10, singleUse: true });
    assert.equal(data.status, 200);
    assert.equal(data.body.description, 'Renomeado');
    assert.equal(data.body.singleUse, true);
    const renewed = await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: contraSenha, cd_servico: 6 });
    assert.equal(renewed.body.LimiteUso, 1);

    const newContra = contra();
    await adminCall(t.app, 'PUT', `/profiles/${p.id}`, auth, { description: 'Renomeado', active: true, expiryMinutes: 10, singleUse: false, contraSenha: newContra });
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: contraSenha, cd_servico: 6 })).body['Num. ERRO'], '007');
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: newContra, cd_servico: 6 })).body.status, 'OK');

    const ips = await adminCall(t.app, 'PUT', `/profiles/${p.id}/ips`, auth, { limitToIpList: true, ips: [{ address: '198.51.100.7', note: 'ERP' }] });
    assert.equal(ips.body.limitToIpList, true);
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: newContra, cd_servico: 6 })).body['Num. ERRO'], '007');
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: newContra, cd_servico: 6 }, { ip: '198.51.100.7' })).body.status, 'OK');

    const ops = await adminCall(t.app, 'PUT', `/profiles/${p.id}/operators`, auth, { operatorIds: [admin.id] });
    assert.deepEqual(ops.body.operators.map((o: Json) => o.id), [admin.id]);

    const svc = await adminCall(t.app, 'PUT', `/profiles/${p.id}/services`, auth, { services: [17, 9999] });
    assert.deepEqual(svc.body.services, [17, 9999]);
    const left = await t.db.selectFrom('ws_sessions').select('id').where('profile_id', '=', p.id).execute();
    assert.equal(left.length, 0);

    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(p.id)).orderBy('id').execute();
    assert.deepEqual(actions.map((a) => a.action), ['create', 'update', 'update', 'set_ips', 'set_operators', 'set_services']);
  });

  test('unknown profile: 404; delete removes the profile and its sessions', async () => {
    assert.equal((await adminCall(t.app, 'GET', '/profiles/999999', auth)).status, 404);
    assert.equal((await adminCall(t.app, 'PUT', '/profiles/999999/services', auth, { services: [6] })).status, 404);
    assert.equal((await adminCall(t.app, 'GET', '/profiles/abc', auth)).status, 400);
    const contraSenha = contra();
    const p = (await create(general({ contraSenha }))).body;
    const { Token } = (await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password: contraSenha, cd_servico: 9999 })).body;
    assert.equal((await adminCall(t.app, 'DELETE', `/profiles/${p.id}`, auth)).status, 204);
    assert.equal((await adminCall(t.app, 'GET', `/profiles/${p.id}`, auth)).status, 404);
    const sessions = await sql<{ n: number }>`select count(*)::int as n from ws_sessions where profile_id = ${p.id}`.execute(t.db);
    assert.equal(sessions.rows[0]?.n, 0);
    assert.ok(Token);
  });

  test('the service list offered by step 4 is the cd_servico table', async () => {
    const res = await adminCall(t.app, 'GET', '/services', auth);
    assert.deepEqual(res.body.services.map((s: Json) => s.code), [1, 4, 6, 7, 8, 9, 10, 11, 16, 17, 20, 21, 9999]);
  });

  test('changing the contra-senha, the single-use flag or the expiry ends issued sessions; other edits do not', async () => {
    const contraSenha = contra();
    const p = (await create(general({ contraSenha }))).body;
    const body = { description: 'Sessões', active: true, expiryMinutes: 45, singleUse: false };
    const issue = async (password = contraSenha) =>
      (await mk(t.app, 'WSAutenticacao', { token: member.apiToken, password, cd_servico: 6 })).body.Token as string;
    const alive = async (token: string) => (await mk(t.app, 'WSMKConsultaDoc', { token })).body.CodToken !== '001';

    let token = await issue();
    assert.equal((await adminCall(t.app, 'PUT', `/profiles/${p.id}`, auth, { ...body, description: 'Só o nome' })).status, 200);
    assert.equal(await alive(token), true, 'a description change keeps sessions');
    assert.equal((await adminCall(t.app, 'PUT', `/profiles/${p.id}`, auth, { ...body, expiryMinutes: 30 })).status, 200);
    assert.equal(await alive(token), false, 'expiry change');
    token = await issue();
    await adminCall(t.app, 'PUT', `/profiles/${p.id}`, auth, { ...body, expiryMinutes: 30, singleUse: true });
    assert.equal(await alive(token), false, 'single-use change');
    token = await issue();
    await adminCall(t.app, 'PUT', `/profiles/${p.id}`, auth, { ...body, expiryMinutes: 30, singleUse: true, contraSenha: contra() });
    assert.equal(await alive(token), false, 'contra-senha change');
  });

  test('profile expiry is capped at 30 days (43 200 minutes)', async () => {
    assert.equal((await create(general({ expiryMinutes: 43_201 }))).status, 400);
    assert.equal((await create(general({ expiryMinutes: 525_600 }))).status, 400);
    const ok = await create(general({ expiryMinutes: 43_200 }));
    assert.equal(ok.status, 201);
    assert.equal((await adminCall(t.app, 'PUT', `/profiles/${ok.body.id}`, auth, { description: 'x', expiryMinutes: 50_000 })).status, 400);
    await assert.rejects(t.db.updateTable('ws_profiles').set({ expiry_minutes: 50_000 }).where('id', '=', ok.body.id).execute());
  });
});
