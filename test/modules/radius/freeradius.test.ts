import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { seedDemo } from '../../../src/db/seed/index.ts';
import { RadiusCoaWorker } from '../../../src/modules/radius/coa-worker.ts';
import { freeradiusConfig } from '../../../src/modules/radius/freeradius-config.ts';
import { ATTR, CODES, type DecodedPacket, decodePacket, encodeResponse, verifyRequest } from '../../../src/modules/radius/radius-packet.ts';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, TEST_SECRET, type TestApp } from '../../support/build-test-app.ts';
import { mk } from '../../support/mk-client.ts';
import { freePort } from '../../support/server-process.ts';

const run = promisify(execFile);
const SECRET = 'provedor-test-nas';
const onPostgresLeg = process.env.DATABASE_URL !== undefined;

describe('FreeRADIUS on Provedor\'s database', { skip: onPostgresLeg ? false : 'PostgreSQL leg only (.ci/run)' }, () => {
  let t: TestApp;
  let token: string;
  let dir: string;
  let radius: ChildProcess | undefined;
  let authPort: number;
  let acctPort: number;
  const output: string[] = [];

  before(async () => {
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0, radiusCoaIntervalSeconds: 0 } });
    await seedDemo(t.db, { customers: 30, seed: 1, now: t.clock.now(), secretKey: TEST_SECRET });
    token = await tokenFor(t.db, { now: t.clock.now() });
    // The test machine is the NAS.
    await t.db
      .insertInto('servers')
      .values({ company_id: 1, name: 'TEST-NAS', kind: 'mikrotik', ip_address: '127.0.0.1', radius_secret: SECRET })
      .execute();
    const current = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${current.rows[0]?.name}`;
    dir = mkdtempSync(join(tmpdir(), 'provedor-freeradius-'));
    mkdirSync(join(dir, 'log'));
    mkdirSync(join(dir, 'run'));
    authPort = await freePort();
    acctPort = await freePort();
    writeFileSync(
      join(dir, 'radiusd.conf'),
      freeradiusConfig({ databaseUrl: url.toString(), dir, freeradiusDir: '/etc/freeradius/3.0', listenAddress: '127.0.0.1', authPort, acctPort }),
    );
    const child = spawn('freeradius', ['-X', '-d', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    radius = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`FreeRADIUS did not start:\n${output.join('')}`)), 20_000);
      const onData = (b: Buffer) => {
        output.push(b.toString());
        if (output.join('').includes('Ready to process requests')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`FreeRADIUS exited with ${code}:\n${output.join('')}`));
      });
    });
  });
  after(async () => {
    radius?.removeAllListeners('exit');
    radius?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  async function connection(username: string) {
    return t.db.selectFrom('connections').select(['id', 'username', 'password']).where('username', '=', username).executeTakeFirstOrThrow();
  }

  async function radtest(user: string, password: string, method = 'pap'): Promise<string> {
    const res = await run('radtest', ['-t', method, user, password, `127.0.0.1:${authPort}`, '0', SECRET]).catch(
      (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    return res.stdout;
  }

  async function radclient(kind: 'acct' | 'auth', attributes: string): Promise<string> {
    const port = kind === 'acct' ? acctPort : authPort;
    const child = execFile('radclient', ['-x', `127.0.0.1:${port}`, kind, SECRET]);
    child.stdin?.end(attributes);
    let out = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    await new Promise((resolve) => child.on('close', resolve));
    return out;
  }

  test('the demo customer\'s active connection: Access-Accept with its framed IP and rate limit (PAP and CHAP)', async () => {
    const c = await connection('paodourado');
    const plan = await t.db
      .selectFrom('connections as cn')
      .innerJoin('access_plans as p', 'p.id', 'cn.access_plan_id')
      .innerJoin('ip_addresses as a', 'a.id', 'cn.ip_address_id')
      .select(['p.download_kbps', 'p.upload_kbps', sql<string>`host(a.address)`.as('ip')])
      .where('cn.id', '=', c.id)
      .executeTakeFirstOrThrow();
    const rate = (k: number | null) => (k !== null && k % 1000 === 0 ? `${k / 1000}M` : `${k}k`);
    for (const method of ['pap', 'chap']) {
      const out = await radtest(c.username, c.password, method);
      assert.match(out, /Received Access-Accept/, out);
      assert.match(out, new RegExp(`Framed-IP-Address = ${plan.ip.replace(/\./g, '\\.')}`));
      assert.match(out, new RegExp(`Mikrotik-Rate-Limit = "${rate(plan.upload_kbps)}/${rate(plan.download_kbps)}"`));
    }
  });

  test('a wrong password is rejected, and so is an unknown login', async () => {
    const c = await connection('paodourado');
    assert.match(await radtest(c.username, `${c.password}x`), /Received Access-Reject/);
    assert.match(await radtest('nobody.here', 'whatever'), /Received Access-Reject/);
  });

  test('a blocked connection is rejected even with the right password; reduced speed follows the connection', async () => {
    const blocked = await t.db
      .selectFrom('radius_connections')
      .select(['username', 'password'])
      .where('blocked', '=', true)
      .executeTakeFirstOrThrow();
    assert.match(await radtest(blocked.username ?? '', blocked.password ?? ''), /Received Access-Reject/);
    // Configured to redirect instead: accepted into the notice pool.
    await t.db.updateTable('radius_settings').set({ blocked_action: 'redirect', redirect_pool: 'aviso' }).execute();
    const redirected = await radtest(blocked.username ?? '', blocked.password ?? '');
    assert.match(redirected, /Received Access-Accept/, redirected);
    assert.match(redirected, /Framed-Pool = "aviso"/);
    await t.db.updateTable('radius_settings').set({ blocked_action: 'reject' }).execute();

    const c = await connection('maria.santos');
    await t.db.updateTable('connections').set({ reduced: true, reduced_at: t.clock.now() }).where('id', '=', c.id).execute();
    const plan = await t.db
      .selectFrom('connections as cn')
      .innerJoin('access_plans as p', 'p.id', 'cn.access_plan_id')
      .select(['p.reduced_download_kbps', 'p.reduced_upload_kbps', 'p.download_kbps', 'p.upload_kbps'])
      .where('cn.id', '=', c.id)
      .executeTakeFirstOrThrow();
    const down = plan.reduced_download_kbps ?? plan.download_kbps;
    const up = plan.reduced_upload_kbps ?? plan.upload_kbps;
    const rate = (k: number | null) => (k !== null && k % 1000 === 0 ? `${k / 1000}M` : `${k}k`);
    const out = await radtest(c.username, c.password);
    assert.match(out, /Received Access-Accept/, out);
    assert.match(out, new RegExp(`Mikrotik-Rate-Limit = "${rate(up)}/${rate(down)}"`));
    await t.db.updateTable('connections').set({ reduced: false, reduced_at: null }).where('id', '=', c.id).execute();
  });

  test('accounting Start/Interim/Stop through FreeRADIUS: ConsultaConexaoAutenticada online with counters, then offline', async () => {
    const c = await connection('maria.santos');
    const base = `User-Name = "${c.username}"\nAcct-Session-Id = "sess-1"\nNAS-IP-Address = 127.0.0.1\nNAS-Port = 7\nFramed-IP-Address = 100.64.9.9\n`;
    assert.match(await radclient('acct', `${base}Acct-Status-Type = Start\n`), /Accounting-Response/);
    let res = await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: c.id });
    assert.equal(res.body.status, 'OK', JSON.stringify(res.body));
    assert.equal(res.body.conexao.username, c.username);
    assert.equal(res.body.conexao.framedip, '100.64.9.9');
    assert.equal(res.body.conexao.nas, '127.0.0.1');
    assert.equal(res.body.conexao.dt_hr_parada, null);
    const customer = await t.db.selectFrom('connections').select('customer_id').where('id', '=', c.id).executeTakeFirstOrThrow();
    const list = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: customer.customer_id });
    const item = list.body.Conexoes.find((x: { codconexao: number }) => x.codconexao === c.id);
    // The list shows a static address when the connection has one, else the RADIUS session's.
    const fixed = await t.db
      .selectFrom('connections as cn')
      .leftJoin('ip_addresses as ia', 'ia.id', 'cn.ip_address_id')
      .select(sql<string | null>`host(ia.address)`.as('address'))
      .where('cn.id', '=', c.id)
      .executeTakeFirstOrThrow();
    assert.equal(item?.ip, fixed.address ?? '100.64.9.9', 'static address, else the address of the RADIUS session');

    const interim = `${base}Acct-Status-Type = Interim-Update\nAcct-Session-Time = 600\nAcct-Input-Octets = 1500\nAcct-Output-Octets = 7000\nAcct-Input-Gigawords = 0\nAcct-Output-Gigawords = 1\n`;
    assert.match(await radclient('acct', interim), /Accounting-Response/);
    res = await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: c.id });
    assert.equal(res.body.conexao.up, '1500');
    assert.equal(res.body.conexao.down, String(2 ** 32 + 7000));
    assert.equal(res.body.conexao.dt_hr_parada, null);

    const stop = `${base}Acct-Status-Type = Stop\nAcct-Session-Time = 900\nAcct-Input-Octets = 2500\nAcct-Output-Octets = 9000\nAcct-Terminate-Cause = User-Request\n`;
    assert.match(await radclient('acct', stop), /Accounting-Response/);
    res = await mk(t.app, 'WSMKConsultaConexaoAutenticada', { token, codconexao: c.id });
    assert.equal(res.body.conexao.up, '2500');
    assert.equal(res.body.conexao.down, '9000');
    assert.match(res.body.conexao.dt_hr_parada, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    const row = await t.db.selectFrom('radacct').select(['acctterminatecause', 'acctsessiontime']).where('username', '=', c.username).executeTakeFirstOrThrow();
    assert.equal(row.acctterminatecause, 'User-Request');
    assert.equal(Number(row.acctsessiontime), 900);
  });

  test('blocking through the API sends a Disconnect-Request to the NAS; unblocks send a CoA-Request with the speed; no answer is retried', async () => {
    const nas = createSocket('udp4');
    nas.bind(0, '127.0.0.1');
    await once(nas, 'listening');
    const received: { packet: DecodedPacket; valid: boolean }[] = [];
    let answer = true;
    nas.on('message', (msg, from) => {
      const packet = decodePacket(msg);
      received.push({ packet, valid: verifyRequest(msg, SECRET) });
      if (!answer) return;
      const code = packet.code === CODES.disconnectRequest ? CODES.disconnectAck : CODES.coaAck;
      nas.send(encodeResponse(code, packet, SECRET), from.port, from.address);
    });
    try {
      await t.db.updateTable('servers').set({ coa_port: nas.address().port }).where('name', '=', 'TEST-NAS').execute();
      const c = await connection('paodourado');
      const contract = await t.db.selectFrom('connections').select('contract_id').where('id', '=', c.id).executeTakeFirstOrThrow();
      const start = `User-Name = "${c.username}"\nAcct-Session-Id = "coa-1"\nNAS-IP-Address = 127.0.0.1\nFramed-IP-Address = 177.84.0.2\nAcct-Status-Type = Start\n`;
      assert.match(await radclient('acct', start), /Accounting-Response/);
      const log: unknown[] = [];
      const worker = new RadiusCoaWorker(t.db, t.clock, 0, (e) => log.push(e), 1000);

      const blocked = await mk(t.app, 'WSMKContratoAlterarStatus', {
        token, Operacao: 'SUSPENDER', Contrato: contract.contract_id, Observacao: 'teste RADIUS', BloquearConexao: 'S',
      });
      assert.equal(blocked.body.status, 'OK', JSON.stringify(blocked.body));
      const queued = await t.db.selectFrom('radius_outbox').select(['kind', 'result']).where('connection_id', '=', c.id).execute();
      assert.deepEqual(queued, [{ kind: 'disconnect', result: null }], 'queued in the same transaction as the block');
      const entries = await worker.runOnce();
      assert.deepEqual(entries?.map((e) => [e.kind, e.outcome, e.nas]), [['disconnect', 'ack', '127.0.0.1']]);
      const disconnect = received.at(-1);
      assert.ok(disconnect?.valid, 'Request Authenticator checks with the shared secret');
      assert.equal(disconnect?.packet.code, CODES.disconnectRequest);
      const attr = (p: DecodedPacket | undefined, type: number) => p?.attributes.find((a) => a.type === type)?.value;
      assert.equal(attr(disconnect?.packet, ATTR.userName)?.toString(), c.username);
      assert.equal(attr(disconnect?.packet, ATTR.acctSessionId)?.toString(), 'coa-1');
      assert.deepEqual([...(attr(disconnect?.packet, ATTR.framedIpAddress) ?? [])], [177, 84, 0, 2]);
      assert.equal(attr(disconnect?.packet, ATTR.messageAuthenticator)?.length, 16);
      assert.match(await radtest(c.username, c.password), /Received Access-Reject/, 'blocked in RADIUS too');

      // Reactivation lifts the suspension's block, then a non-payment block is self-unblocked.
      const reactivated = await mk(t.app, 'WSMKContratoAlterarStatus', { token, Operacao: 'ATIVAR', Contrato: contract.contract_id });
      assert.equal(reactivated.body.status, 'OK', JSON.stringify(reactivated.body));
      await t.db
        .updateTable('connections')
        .set({ blocked: true, block_reason: 'non_payment', blocked_at: t.clock.now() })
        .where('id', '=', c.id)
        .execute();
      const self = await mk(t.app, 'WSMKAutoDesbloqueio', { token, cd_conexao: c.id });
      assert.equal(self.body.status, 'OK', JSON.stringify(self.body));
      const coas = await worker.runOnce();
      assert.deepEqual(coas?.map((e) => [e.kind, e.outcome]), [['coa', 'ack'], ['coa', 'ack']]);
      const coa = received.at(-1);
      assert.ok(coa?.valid);
      assert.equal(coa?.packet.code, CODES.coaRequest);
      const vsa = attr(coa?.packet, ATTR.vendorSpecific);
      assert.equal(vsa?.readUInt32BE(0), 14988);
      assert.equal(vsa?.subarray(6).toString(), '600M/600M');

      // A NAS that does not answer: retried later, not marked done.
      answer = false;
      await mk(t.app, 'WSMKContratoAlterarStatus', { token, Operacao: 'SUSPENDER', Contrato: contract.contract_id, Observacao: 'de novo', BloquearConexao: 'S' });
      const lost = await worker.runOnce();
      assert.deepEqual(lost?.map((e) => e.outcome), ['retry']);
      const row = await t.db.selectFrom('radius_outbox').select(['attempts', 'result', 'next_attempt_at', 'last_error']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(row.attempts, 1);
      assert.equal(row.result, null);
      assert.equal(row.last_error, 'no answer');
      assert.ok(row.next_attempt_at.getTime() > t.clock.now().getTime());
      assert.deepEqual(await worker.runOnce(), [], 'not due yet');
    } finally {
      nas.close();
    }
  });
});
