import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { seedDemo } from '../../../src/db/seed/index.ts';
import { freeradiusConfig } from '../../../src/modules/radius/freeradius-config.ts';
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
    t = await buildTestApp({ config: { blockingJobIntervalSeconds: 0 } });
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
});
