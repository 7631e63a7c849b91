import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { withTransaction } from '../../src/db/transaction.ts';
import { enqueueEmail, enqueueSms } from '../../src/modules/notifications/outbox.service.ts';
import { ATTR, CODES, decodePacket, encodeResponse } from '../../src/modules/radius/radius-packet.ts';
import { createBillingSetup, createContract, createCustomer } from '../support/factories/billing.ts';
import { addConnection, createNetwork } from '../support/factories/connections.ts';
import { ServerProcess } from '../support/server-process.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { freshPostgresUrl } from '../support/test-db.ts';

const pgUrl = process.env.DATABASE_URL;
const NAS_SECRET = 'faults-nas-secret';
const UNITS = 12;
// Each answer of the fake NAS and SMS provider takes this long, so one pass over the work lasts
// longer than the jobs' 1-second interval and the other instance's turn comes in the middle of it.
const ANSWER_DELAY_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tally = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

describe('two server processes on one PostgreSQL: background jobs run on one instance at a time', { skip: pgUrl ? false : 'runs on PostgreSQL only (.ci/run sets DATABASE_URL)' }, () => {
  let db: Db;
  let a: ServerProcess;
  let b: ServerProcess;
  let nas: Socket;
  let smsProvider: Server;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const disconnects: string[] = [];
  const sms: string[] = [];
  const connectionIds: number[] = [];

  before(async () => {
    nas = createSocket('udp4');
    nas.bind(0, '127.0.0.1');
    await once(nas, 'listening');
    nas.on('message', (msg, from) => {
      const packet = decodePacket(msg);
      if (packet.code !== CODES.disconnectRequest) return;
      disconnects.push(packet.attributes.find((x) => x.type === ATTR.userName)?.value.toString() ?? '?');
      setTimeout(() => nas.send(encodeResponse(CODES.disconnectAck, packet, NAS_SECRET), from.port, from.address), ANSWER_DELAY_MS);
    });
    smsProvider = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => {
        data += c;
      });
      req.on('end', () => {
        sms.push(String((JSON.parse(data) as { id: number }).id));
        setTimeout(() => res.writeHead(200).end('{}'), ANSWER_DELAY_MS);
      });
    });
    smsProvider.listen(0, '127.0.0.1');
    await once(smsProvider, 'listening');
    smtp = await startSmtpSink();

    const url = await freshPostgresUrl(pgUrl as string);
    db = await openDatabase({ databaseUrl: url, dataDir: 'memory', poolSize: 4 });
    const s = await createBillingSetup(db);
    const customer = await createCustomer(db, s);
    const contract = await createContract(db, s, customer.id);
    const net = await createNetwork(db, s, { planIds: [contract.planId] });
    await db
      .insertInto('servers')
      .values({ company_id: s.companyId, name: 'NAS-FAULTS', ip_address: '127.0.0.1', radius_secret: NAS_SECRET, coa_port: (nas.address() as AddressInfo).port })
      .execute();
    for (let i = 0; i < UNITS; i++) {
      const username = `job.user${i}`;
      connectionIds.push(await addConnection(db, net, customer.id, contract, { username }));
      await db
        .insertInto('radacct')
        .values({ acctsessionid: `s${i}`, acctuniqueid: `faults-${i}`, username, nasipaddress: '127.0.0.1', acctstarttime: new Date(), framedipaddress: `100.64.0.${i + 1}` })
        .execute();
    }
    const env = {
      BLOCKING_JOB_INTERVAL_SECONDS: '1',
      RADIUS_COA_INTERVAL_SECONDS: '1',
      SMS_WEBHOOK_URL: `http://127.0.0.1:${(smsProvider.address() as AddressInfo).port}/sms`,
      SMTP_URL: smtp.url,
    };
    [a, b] = await Promise.all([ServerProcess.start(url, env), ServerProcess.start(url, env)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.destroy();
    nas?.close();
    smsProvider?.close();
    await smtp?.close();
  });

  test('scheduled blocks, RADIUS Disconnects, SMS and e-mails: each done exactly once', async () => {
    const ids = await withTransaction(db, async (tx) => {
      await tx.updateTable('connections').set({ scheduled_block_at: new Date(Date.now() - 1000) }).where('id', 'in', connectionIds).execute();
      const messages: number[] = [];
      for (let i = 0; i < UNITS; i++) {
        messages.push(await enqueueSms(tx, { recipient: '43999990000', body: `sms ${i}` }));
        messages.push(await enqueueEmail(tx, { recipient: `cliente${i}@provedor.test`, subject: `job-mail-${i}`, body: `mail ${i}` }));
      }
      return messages;
    });
    const mails = () => smtp.mails.map((m) => /^Subject: (job-mail-\d+)\r?$/m.exec(m.raw)?.[1] ?? '?');
    const done = async () => {
      const blocked = await db.selectFrom('connections').select('id').where('id', 'in', connectionIds).where('blocked', '=', true).execute();
      return blocked.length === UNITS && new Set(disconnects).size === UNITS && new Set(sms).size === UNITS && new Set(mails()).size === UNITS;
    };
    const deadline = Date.now() + 90_000;
    while (!(await done())) {
      assert.ok(Date.now() < deadline, `work not done in 90 s: ${disconnects.length} disconnects, ${sms.length} SMS, ${smtp.mails.length} e-mails`);
      await sleep(250);
    }
    // Long enough for both instances to run every job again (the outbox ticks every 5 s).
    await sleep(7_000);

    const audit = await db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'connection.block')
      .where('entity', '=', 'connection')
      .where('entity_id', 'in', connectionIds.map(String))
      .execute();
    assert.deepEqual([...tally(audit.map((r) => r.entity_id ?? '')).values()], Array(UNITS).fill(1), 'one block audit row per connection');
    const outbox = await db.selectFrom('radius_outbox').select(['connection_id', 'result', 'attempts']).where('connection_id', 'in', connectionIds).execute();
    assert.equal(outbox.length, UNITS, 'one Disconnect queued per block');
    assert.ok(outbox.every((r) => r.result === 'ack' && r.attempts === 1), JSON.stringify(outbox));
    assert.deepEqual([...tally(disconnects).values()], Array(UNITS).fill(1), `one Disconnect-Request per connection at the NAS: ${disconnects.join(', ')}`);
    assert.deepEqual([...tally(sms).values()], Array(UNITS).fill(1), `each SMS handed to the provider once: ${sms.join(', ')}`);
    assert.deepEqual([...tally(mails()).values()], Array(UNITS).fill(1), `each e-mail delivered once: ${mails().join(', ')}`);
    const rows = await db.selectFrom('notification_outbox').select(['status', 'attempts']).where('id', 'in', ids).execute();
    assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1), JSON.stringify(rows));
  });
});
