import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { withTransaction } from '../../../src/db/transaction.ts';
import { OutboxDispatcher } from '../../../src/modules/notifications/outbox-dispatcher.ts';
import { enqueueSms } from '../../../src/modules/notifications/outbox.service.ts';
import { WebhookSmsProvider } from '../../../src/modules/notifications/sms-provider.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { ownModules } from '../../support/factories/customers.ts';

describe('SMS outbox: enqueue, webhook provider, dispatcher', () => {
  let t: TestApp;
  let receiver: Server;
  let url: string;
  let status = 200;
  const received: Array<{ id: number; to: string; message: string }> = [];
  before(async () => {
    receiver = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        received.push(JSON.parse(data));
        res.writeHead(status).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms`;
    // With SMS_WEBHOOK_URL set, the module starts its own dispatcher (1 tick every 5 s).
    t = await buildTestApp({ modules: ownModules(), config: { smsWebhookUrl: url } });
  });
  after(async () => {
    await t.close();
    await new Promise((r) => receiver.close(r));
  });

  const enqueue = (body: string) => withTransaction(t.db, (tx) => enqueueSms(tx, { recipient: '43999990000', body, at: t.clock.now() }));
  const row = (id: number) => t.db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('a rolled-back transaction queues nothing', async () => {
    await assert.rejects(
      withTransaction(t.db, async (tx) => {
        await enqueueSms(tx, { recipient: '43999990000', body: 'never' });
        throw new Error('business rule failed');
      }),
    );
    const n = await t.db.selectFrom('notification_outbox').select('id').where('body', '=', 'never').execute();
    assert.equal(n.length, 0);
  });

  test('the app dispatcher started by the module delivers queued messages', async () => {
    const id = await enqueue('olá pelo módulo');
    for (let i = 0; i < 40 && (await row(id)).status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 250));
    assert.equal((await row(id)).status, 'sent');
    assert.ok(received.some((m) => m.id === id && m.message === 'olá pelo módulo' && m.to === '43999990000'));
  });

  test('provider failure: back to pending with a backoff and the error; failed after max attempts', async () => {
    status = 500;
    try {
      const id = await enqueue('falha');
      await t.db.updateTable('notification_outbox').set({ max_attempts: 2 }).where('id', '=', id).execute();
      const d = new OutboxDispatcher(t.db, new WebhookSmsProvider(url), t.clock);
      assert.equal(await d.runOnce(), 0);
      let r = await row(id);
      assert.deepEqual([r.status, r.attempts], ['pending', 1]);
      assert.match(r.last_error ?? '', /HTTP 500/);
      assert.ok(r.next_attempt_at.getTime() > t.clock.now().getTime());
      t.clock.advance(10 * 60_000);
      await d.runOnce();
      r = await row(id);
      assert.deepEqual([r.status, r.attempts], ['failed', 2]);
    } finally {
      status = 200;
    }
  });
});
