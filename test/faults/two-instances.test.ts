import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { sha256Hex } from '../../src/lib/tokens.ts';
import { ServerProcess, seedSmallDemo } from '../support/server-process.ts';
import { freshPostgresUrl } from '../support/test-db.ts';
import { openInvoices, orderFor, settle, settlementAnomalies } from './settlement-stream.ts';

const pgUrl = process.env.DATABASE_URL;

describe('two server processes on one PostgreSQL', { skip: pgUrl ? false : 'runs on PostgreSQL only (.ci/run sets DATABASE_URL)' }, () => {
  let db: Db;
  let a: ServerProcess;
  let b: ServerProcess;
  before(async () => {
    const url = await freshPostgresUrl(pgUrl as string);
    await seedSmallDemo(url);
    db = await openDatabase({ databaseUrl: url, dataDir: 'memory', poolSize: 2 });
    [a, b] = await Promise.all([ServerProcess.start(url), ServerProcess.start(url)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.destroy();
  });

  test('the same payment order settled on both at once: exactly one settles, the other gets an MK refusal', async () => {
    const [ta, tb] = await Promise.all([a.demoToken(), b.demoToken()]);
    const invoices = await openInvoices(db, 20);
    for (const inv of invoices) {
      const order = await orderFor(a, ta, inv);
      assert.ok(order, `order for invoice ${inv.id}`);
      const answers = await Promise.all([settle(a, ta, order, inv.account), settle(b, tb, order, inv.account)]);
      const ok = answers.filter((x) => x.status === 'OK');
      assert.equal(ok.length, 1, `exactly one settles invoice ${inv.id}: ${JSON.stringify(answers)}`);
      const refusal = answers.find((x) => x.status !== 'OK');
      assert.notEqual(refusal['Num. ERRO'], '099', 'the loser gets a business refusal, not an internal error');
    }
    const end = await settlementAnomalies(db, invoices.map((i) => i.id));
    assert.deepEqual(end.twice, []);
    assert.deepEqual(end.inconsistent, []);
    assert.equal(end.paid, invoices.length);
  });

  test('a session revoked through one database change is refused by both instances (cached sessions dropped by NOTIFY)', async () => {
    const token = await a.demoToken();
    const lookup = (server: ServerProcess) => server.mk('WSMKConsultaDoc', { token, doc: '52998224725' });
    assert.equal((await lookup(a)).body.status, 'OK');
    assert.equal((await lookup(b)).body.status, 'OK', 'both instances have the session cached now');
    await db.deleteFrom('ws_sessions').where('token_hash', '=', sha256Hex(token)).execute();
    for (const server of [a, b]) {
      const deadline = Date.now() + 2_000;
      let body = (await lookup(server)).body;
      while (body.status === 'OK' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        body = (await lookup(server)).body;
      }
      assert.equal(body['Num. ERRO'], '001', `refused within 2 s: ${JSON.stringify(body)}`);
    }
  });
});
