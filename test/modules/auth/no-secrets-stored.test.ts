import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { authModule } from '../../../src/modules/auth/index.ts';
import { createAccess } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
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
    assert.match(auth?.query ?? '', /password=\*\*\*/);
    assert.match(auth?.query ?? '', /cd_servico=6/);
  });
});
