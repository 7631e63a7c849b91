import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { authModule } from '../../../src/modules/auth/index.ts';
import { createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { createBillingSetup, createCustomer as createBillingCustomer } from '../../support/factories/billing.ts';
import { createCustomer as createSacCustomer } from '../../support/factories/customers.ts';
import { probeModule } from './probe-module.ts';

const TABLES = ['activity_log', 'ws_profiles', 'ws_sessions', 'operators', 'ws_profile_ips', 'audit_log', 'admin_sessions'];

/** Every row of the tables, as JSON text. */
async function dumpTables(t: TestApp): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const rows = await sql<{ row: string }>`select row_to_json(x)::text as row from ${sql.table(table)} x`.execute(t.db);
    parts.push(...rows.rows.map((r) => r.row));
  }
  return parts.join('\n');
}

async function waitForActivity(t: TestApp, count: number): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    const row = await t.db.selectFrom('activity_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(row.n) >= count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`activity log never reached ${count} rows`);
}

describe('no secret is stored in clear', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, probeModule] });
  });
  after(async () => t.close());

  test('after authentications and calls, no table holds a contra-senha, password or clear token', async () => {
    const general = await createAccess(t.db, { services: [6] });
    const specific = await createAccess(t.db, { kind: 'specific' });
    const ok = await mk(t.app, 'WSAutenticacao', { token: general.userToken, password: general.contraSenha, cd_servico: 6 });
    await mk(t.app, 'WSAutenticacao', { token: general.userToken, password: `${general.contraSenha}x`, cd_servico: 6 });
    const op = await mk(t.app, 'WSAutenticacaoOperador', { username: specific.operatorLogin, password: specific.operatorPassword }, { method: 'POST' });
    await mk(t.app, 'WSMKConsultaDoc', { token: ok.body.Token });
    await mk(t.app, 'WSMKConsultaDoc', { token: op.body.Token });
    await waitForActivity(t, 5);

    const stored = await dumpTables(t);
    const secrets = {
      contraSenha: general.contraSenha,
      operatorPassword: specific.operatorPassword,
      userToken: general.userToken,
      sessionToken: ok.body.Token as string,
      operatorSessionToken: op.body.Token as string,
    };
    for (const [name, value] of Object.entries(secrets)) {
      assert.ok(value.length >= 8, name);
      assert.ok(!stored.includes(value), `${name} found in the database`);
    }
    const queries = await t.db.selectFrom('activity_log').select(['endpoint_id', 'query']).execute();
    const auth = queries.find((q) => q.endpoint_id === 'WSAutenticacao');
    assert.match(auth?.query ?? '', /password=\[redacted\]/);
    assert.match(auth?.query ?? '', /cd_servico=6/);
  });
});

/** Every table of the schema, as JSON text. */
async function dumpAllTables(db: TestApp['db']): Promise<string> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select row_to_json(x)::text as row from ${sql.table(name)} x`.execute(db);
    parts.push(...rows.rows.map((r) => r.row));
  }
  assert.ok(tables.rows.some((r) => r.name === 'notification_outbox') && tables.rows.length > 20, 'every table is dumped');
  return parts.join('\n');
}

describe('no secret or card data in any table or log line (whole app)', () => {
  test('credentials, card number, CVV, expiry, holder and SAC password stay out of every table, the activity log and the request log', async () => {
    const logLines: string[] = [];
    const t = await buildTestApp({ logLines });
    try {
      const access = await createAccess(t.db);
      const auth = await mk(t.app, 'WSAutenticacao', { token: access.userToken, password: access.contraSenha, cd_servico: 9999 });
      assert.equal(auth.body.status, 'OK', auth.raw);
      const token = auth.body.Token as string;
      await mk(t.app, 'WSAutenticacao', { token: access.userToken, password: 'wrong-contra-77', cd_servico: 9999 }, { method: 'POST' });
      const specific = await createAccess(t.db, { kind: 'specific' });
      const op = await mk(t.app, 'WSAutenticacaoOperador', { username: specific.operatorLogin, password: specific.operatorPassword });
      assert.equal(op.body.status, 'OK', op.raw);
      const s = await createBillingSetup(t.db);
      const customer = await createBillingCustomer(t.db, s, { name: 'CLIENTE CARTAO' });
      const card = { portador: 'PORTADOR SIGILOSO', mm: 11, aa: 2031, cvv: '739', numero: '4111 1111 1111 1111' };
      for (const method of ['GET', 'POST'] as const) {
        const res = await mk(t.app, 'WSMKPerfilCartaoCreditoNovo', { token, ...card, doc: '529.982.247-25', debito_auto: 'N', cd_cliente: customer.id, ativo: 'S' }, { method });
        if (method === 'GET') assert.equal(res.body.status, 'OK', res.raw);
      }
      await createSacCustomer(t.db, { companyId: s.companyId, streetId: s.streetId, sacLogin: 'sac.sigilo', sacPassword: 'SacSenha#771' });
      const sac = await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'sac.sigilo', pass_sac: 'SacSenha#771' }, { method: 'POST' });
      assert.equal(sac.body.status, 'OK', sac.raw);
      await mk(t.app, 'WSMKUserSenhaSAC', { token, user_sac: 'sac.sigilo', pass_sac: 'Errada#9912' });
      // A card number in a parameter declared safe is still masked (second line of defence).
      await mk(t.app, 'WSMKConsultaNome', { token, nome: '4111111111111111' });
      await t.app.close(); // flushes the activity log

      const tables = await dumpAllTables(t.db);
      const activity = await t.db.selectFrom('activity_log').select(['endpoint_id', 'query']).orderBy('id').execute();
      const logs = logLines.join('\n');
      assert.ok(logs.includes('WSMKPerfilCartaoCreditoNovo'), 'requests are logged');
      const everywhere = { tables, logs, activity: JSON.stringify(activity) };
      const secrets = [access.userToken, access.contraSenha, 'wrong-contra-77', specific.operatorPassword, token, op.body.Token as string,
        '4111111111111111', '4111 1111 1111 1111', '4111+1111', '4111%201111', 'SacSenha#771', 'SacSenha%23771', 'Errada#9912', 'Errada%239912'];
      for (const [where, text] of Object.entries(everywhere)) {
        for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} found in ${where}`);
      }
      // Expiry, holder and CVV: in the card tables by design (vault, holder name), never in logs.
      for (const text of [logs, everywhere.activity]) {
        assert.ok(!/PORTADOR[ +]|PORTADOR%20/.test(text), 'holder name logged');
        assert.ok(!/cvv=739|"739"/.test(text), 'CVV logged');
        assert.ok(!/mm=11|aa=2031/.test(text), 'expiry logged');
      }
      const cardRows = activity.filter((a) => a.endpoint_id === 'WSMKPerfilCartaoCreditoNovo');
      assert.equal(cardRows.length, 2);
      for (const row of cardRows) {
        for (const name of ['portador', 'mm', 'aa', 'cvv', 'numero', 'token']) assert.match(row.query ?? '', new RegExp(`${name}=\\[redacted\\]`));
        assert.match(row.query ?? '', new RegExp(`cd_cliente=${customer.id}`));
      }
      assert.match(activity.find((a) => a.endpoint_id === 'WSMKConsultaNome')?.query ?? '', /nome=\[pan\]/);
    } finally {
      await t.db.destroy();
    }
  });
});
