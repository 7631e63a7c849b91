import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { adminCall, type AdminUser, type Auth, createOperatorRow, type Json, loginAs } from './admin-client.ts';

describe('admin API: operators', () => {
  let t: TestApp;
  let admin: AdminUser;
  let auth: Auth;
  let seq = 0;
  const newLogin = () => {
    seq += 1;
    return `oper${process.pid}x${seq}`;
  };
  /** Puts an operator in a fresh general profile; returns the profile contra-senha. */
  async function allowInProfile(operatorId: number): Promise<string> {
    const access = await createAccess(t.db);
    await t.db.insertInto('ws_profile_operators').values({ profile_id: access.profileId, operator_id: operatorId }).execute();
    return access.contraSenha;
  }

  before(async () => {
    t = await buildTestApp();
    admin = await createOperatorRow(t.db);
    auth = { bearer: admin.adminKey };
  });
  after(async () => t.close());

  test('create: the API token and generated password are shown once and work', async () => {
    const login = newLogin();
    const res = await adminCall(t.app, 'POST', '/operators', auth, { login, name: 'Integrador ERP' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.apiToken, /^[0-9a-f]{64}$/);
    assert.equal(typeof res.body.password, 'string');
    assert.equal(res.body.operator.isAdmin, false);
    const contra = await allowInProfile(res.body.operator.id);
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: res.body.apiToken, password: contra, cd_servico: 9999 })).body.status, 'OK');
    const list = await adminCall(t.app, 'GET', '/operators', auth);
    const listed = list.body.items.find((o: Json) => o.login === login);
    assert.equal(listed.hasApiToken, true);
    assert.ok(!JSON.stringify(list.body).includes(res.body.apiToken));
    const row = await t.db.selectFrom('operators').select(['password_hash', 'api_token_hash']).where('login', '=', login).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes(res.body.password) && !JSON.stringify(row).includes(res.body.apiToken));
  });

  test('create: a given password is not echoed; rules on login, password and duplicates', async () => {
    const res = await adminCall(t.app, 'POST', '/operators', auth, { login: newLogin(), name: 'Com senha', password: 'SenhaForte123', isAdmin: true });
    assert.equal(res.status, 201);
    assert.equal(res.body.password, undefined);
    assert.equal(res.body.operator.isAdmin, true);
    assert.equal((await adminCall(t.app, 'POST', '/operators', auth, { login: 'bad login', name: 'x' })).status, 400);
    assert.equal((await adminCall(t.app, 'POST', '/operators', auth, { login: newLogin(), name: 'x', password: 'onlyletters' })).status, 400);
    assert.equal((await adminCall(t.app, 'POST', '/operators', auth, { login: res.body.operator.login.toUpperCase(), name: 'dup' })).status, 409);
  });

  test('deactivate: the token and open sessions stop working; reactivate restores the token', async () => {
    const op = (await adminCall(t.app, 'POST', '/operators', auth, { login: newLogin(), name: 'Temporário' })).body;
    const contra = await allowInProfile(op.operator.id);
    const session = (await mk(t.app, 'WSAutenticacao', { token: op.apiToken, password: contra, cd_servico: 9999 })).body.Token;
    const off = await adminCall(t.app, 'POST', `/operators/${op.operator.id}/deactivate`, auth);
    assert.equal(off.body.active, false);
    assert.ok(off.body.deactivatedAt);
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: op.apiToken, password: contra, cd_servico: 9999 })).body['Num. ERRO'], '007');
    const left = await t.db.selectFrom('ws_sessions').select('id').where('operator_id', '=', op.operator.id).execute();
    assert.equal(left.length, 0);
    assert.ok(session);
    const on = await adminCall(t.app, 'POST', `/operators/${op.operator.id}/activate`, auth);
    assert.equal(on.body.active, true);
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: op.apiToken, password: contra, cd_servico: 9999 })).body.status, 'OK');
  });

  test('an admin cannot deactivate itself; unknown operators give 404', async () => {
    assert.equal((await adminCall(t.app, 'POST', `/operators/${admin.id}/deactivate`, auth)).status, 409);
    assert.equal((await adminCall(t.app, 'POST', '/operators/999999/rotate-token', auth)).status, 404);
  });

  test('rotate token: the old token stops working, the new one (shown once) works', async () => {
    const op = (await adminCall(t.app, 'POST', '/operators', auth, { login: newLogin(), name: 'Rotação' })).body;
    const contra = await allowInProfile(op.operator.id);
    const rotated = await adminCall(t.app, 'POST', `/operators/${op.operator.id}/rotate-token`, auth);
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.apiToken, op.apiToken);
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: op.apiToken, password: contra, cd_servico: 9999 })).body['Num. ERRO'], '007');
    assert.equal((await mk(t.app, 'WSAutenticacao', { token: rotated.body.apiToken, password: contra, cd_servico: 9999 })).body.status, 'OK');
  });

  test('reset password: generated (shown once) or given; ends that operator admin sessions', async () => {
    const other = await createOperatorRow(t.db);
    const session = await loginAs(t.app, other);
    const generated = await adminCall(t.app, 'POST', `/operators/${other.id}/reset-password`, auth, {});
    assert.equal(generated.status, 200);
    assert.equal(typeof generated.body.password, 'string');
    assert.equal((await adminCall(t.app, 'GET', '/profiles', session)).status, 401);
    await loginAs(t.app, { login: other.login, password: generated.body.password });
    const given = await adminCall(t.app, 'POST', `/operators/${other.id}/reset-password`, auth, { password: 'NovaSenha2026' });
    assert.equal(given.body.password, undefined);
    await loginAs(t.app, { login: other.login, password: 'NovaSenha2026' });
    assert.equal((await adminCall(t.app, 'POST', `/operators/${other.id}/reset-password`, auth, { password: 'curta1' })).status, 400);
    const audit = await t.db.selectFrom('audit_log').select('details').where('entity', '=', 'operator').where('action', '=', 'reset_password').execute();
    assert.ok(!JSON.stringify(audit).includes('NovaSenha2026'));
  });

  /** A data call's token-check answer: '001' when the session is gone, '006' when valid (no params). */
  const tokenState = async (token: string) => {
    const res = await mk(t.app, 'WSMKConsultaDoc', { token });
    return res.body.CodToken === '001' ? 'revoked' : 'valid';
  };

  test('rotating the token and resetting the password end the sessions already issued to the operator', async () => {
    const op = (await adminCall(t.app, 'POST', '/operators', auth, { login: newLogin(), name: 'Sessões' })).body;
    const contra = await allowInProfile(op.operator.id);
    const first = (await mk(t.app, 'WSAutenticacao', { token: op.apiToken, password: contra, cd_servico: 9999 })).body.Token;
    assert.equal(await tokenState(first), 'valid');
    const rotated = await adminCall(t.app, 'POST', `/operators/${op.operator.id}/rotate-token`, auth);
    assert.equal(await tokenState(first), 'revoked');
    const second = (await mk(t.app, 'WSAutenticacao', { token: rotated.body.apiToken, password: contra, cd_servico: 9999 })).body.Token;
    assert.equal(await tokenState(second), 'valid');
    await adminCall(t.app, 'POST', `/operators/${op.operator.id}/reset-password`, auth, {});
    assert.equal(await tokenState(second), 'revoked');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity', '=', 'operator')
      .where('entity_id', '=', String(op.operator.id))
      .where('action', 'in', ['rotate_token', 'reset_password'])
      .orderBy('id')
      .execute();
    assert.deepEqual(audit.map((a) => (a.details as { revokedSessions: number }).revokedSessions), [1, 1]);
  });
});
