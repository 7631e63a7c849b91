import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { ServerProcess, seedSmallDemo } from '../support/server-process.ts';
import { freshPostgresUrl } from '../support/test-db.ts';
import { openInvoices, orderFor, settle, settlementAnomalies, type OpenInvoice } from './settlement-stream.ts';

const pgUrl = process.env.DATABASE_URL;

describe('kill -9 in the middle of a stream of settlements, then restart', { skip: pgUrl ? false : 'runs on PostgreSQL only (.ci/run sets DATABASE_URL)' }, () => {
  let url: string;
  let db: Db;
  const servers: ServerProcess[] = [];
  before(async () => {
    url = await freshPostgresUrl(pgUrl as string);
    await seedSmallDemo(url);
    db = await openDatabase({ databaseUrl: url, dataDir: 'memory', poolSize: 2 });
  });
  after(async () => {
    for (const s of servers) await s.kill();
    await db?.destroy();
  });

  test('no partial writes, no invoice settled twice, everything settles after the restart', async () => {
    const invoices = await openInvoices(db, 60);
    assert.ok(invoices.length >= 30, `the demo data has open invoices (${invoices.length})`);

    const first = await ServerProcess.start(url);
    servers.push(first);
    const token = await first.demoToken();
    let settled = 0;
    let killed = false;
    const queue = [...invoices];
    const worker = async () => {
      for (let inv = queue.shift(); inv; inv = queue.shift()) {
        try {
          const order = await orderFor(first, token, inv);
          if (order && (await settle(first, token, order, inv.account)).status === 'OK') settled += 1;
          if (settled >= 12 && !killed) {
            killed = true;
            await first.kill('SIGKILL');
          }
        } catch {
          // the connection died with the server: the call's outcome is whatever the database says
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    assert.ok(killed, 'the server was killed mid-stream');
    const midway = await settlementAnomalies(db, invoices.map((i) => i.id));
    assert.deepEqual(midway.twice, []);
    assert.deepEqual(midway.inconsistent, [], 'every settlement is whole: invoice paid ⇔ one settlement row');
    assert.ok(midway.paid >= 12 && midway.paid < invoices.length, `some but not all settled before the kill (${midway.paid})`);

    const second = await ServerProcess.start(url);
    servers.push(second);
    const token2 = await second.demoToken();
    const retried: OpenInvoice[] = [...invoices];
    let refused = 0;
    for (const inv of retried) {
      const order = await orderFor(second, token2, inv);
      if (!order) {
        refused += 1;
        continue;
      }
      const answer = await settle(second, token2, order, inv.account);
      assert.equal(answer.status, 'OK', JSON.stringify(answer));
    }
    assert.equal(refused, midway.paid, 'an invoice paid before the kill is refused a new order');
    const end = await settlementAnomalies(db, invoices.map((i) => i.id));
    assert.deepEqual(end.twice, []);
    assert.deepEqual(end.inconsistent, []);
    assert.equal(end.paid, invoices.length);
  });
});
