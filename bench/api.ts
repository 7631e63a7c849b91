// DB-backed MK calls as ratios against a bare Fastify + one primary-key SELECT route on the same
// database, measured in the same run (the baseline before and after the app; the mean is the
// denominator). Server processes run the compiled app (`npm run build`), one at a time, so the
// embedded engine (one process per data dir) is measured the same way as PostgreSQL.
//   npm run bench [-- --seconds 10 --connections 50 --customers 10000]
//   DATABASE_URL=postgres://… npm run bench        (an empty database is seeded first)
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { progressBar } from '../src/cli/progress.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { isDatabaseEmpty, seedDemo } from '../src/db/seed/index.ts';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string' },
    customers: { type: 'string', default: '10000' },
    only: { type: 'string' },
  },
});
const seconds = Number(opts.seconds);
const customers = Number(opts.customers);
const databaseUrl = process.env.DATABASE_URL;
const connections = Number(opts.connections ?? (databaseUrl ? 50 : 20));
const dataDir = process.env.BENCH_DATA_DIR ?? `.tmp/bench-data-${customers}`;
const COMPARABLE_CUSTOMERS = 10_000;
const SECRET_KEY = 'bench-secret-key-0123456789abcdefghijklmnopqrstuv';
const serverEnv = {
  ...process.env,
  SECRET_KEY,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  DEMO: 'false',
  TZ: 'UTC',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  maxRssMb: number | null;
}

const ids = await prepareDatabase();
const baselinePath = `/customer/${ids.customer}`;
const results: Result[] = [];
results.push(await withServer(['bench/baseline-server.mjs'], (pid, base) => measure('baseline (Fastify + pg SELECT by id)', base + baselinePath, pid)));
const scenarios: Array<[string, (token: string) => string]> = [
  ['GET /health', () => '/health'],
  ['WSMKConsultaDoc', (t) => `/mk/WSMKConsultaDoc.rule?sys=MK0&token=${t}&doc=52998224725`],
  [`WSMKFaturasPendentes (${ids.pendingCount} open)`, (t) => `/mk/WSMKFaturasPendentes.rule?sys=MK0&token=${t}&cd_cliente=${ids.pendingCustomer}`],
  ['WSMKContratosPorCliente', (t) => `/mk/WSMKContratosPorCliente.rule?sys=MK0&token=${t}&cd_cliente=${ids.customer}`],
  ['WSMKConexoesPorCliente', (t) => `/mk/WSMKConexoesPorCliente.rule?sys=MK0&token=${t}&cd_cliente=${ids.customer}`],
  ['WSAutenticacao', () => '/mk/WSAutenticacao.rule?sys=MK0&token=demo-token&password=demo1234&cd_servico=9999'],
];
await withServer(['dist/cli.js', 'serve'], async (pid, base) => {
  const token = await sessionToken(base);
  for (const [name, path] of scenarios) {
    if (opts.only && !name.includes(opts.only)) continue;
    const url = base + path(token);
    const probe = await fetch(url);
    const body = (await probe.json()) as { status?: string };
    if (probe.status === 404) {
      console.error(`skipped ${name}: not implemented yet`);
      continue;
    }
    if (path(token) !== '/health' && !Array.isArray(body) && body.status !== undefined && body.status !== 'OK') {
      throw new Error(`${name} answers an error, not a success: ${JSON.stringify(body)}`);
    }
    results.push(await measure(name, url, pid));
  }
});
results.push(await withServer(['bench/baseline-server.mjs'], (pid, base) => measure('baseline again', base + baselinePath, pid)));
report(results);
process.exit(0);

async function prepareDatabase() {
  const db = await openDatabase({ databaseUrl, dataDir, poolSize: 2 });
  try {
    await migrate(db);
    if (await isDatabaseEmpty(db)) {
      console.error(`seeding ${customers} demo customers into ${databaseUrl ? 'PostgreSQL' : dataDir}`);
      await seedDemo(db, { customers, seed: 1, now: new Date(), secretKey: SECRET_KEY, onProgress: progressBar('seeding') });
    }
    // Among the first 10 000 customers only: the seed writes them alike whatever the total (same
    // seed and day), so runs at 10 000 and at 1 000 000 customers measure the same customer.
    const pending = await db
      .selectFrom('invoices')
      .select(['customer_id', sql<number>`count(*)::int`.as('n')])
      .where('status', '=', 'open')
      .where('customer_id', '<=', COMPARABLE_CUSTOMERS)
      .groupBy('customer_id')
      .orderBy(sql`abs(count(*) - 24)`)
      .orderBy('customer_id')
      .executeTakeFirstOrThrow();
    console.error(`FaturasPendentes customer: ${pending.customer_id} (${pending.n} open invoices)`);
    return { customer: 1, pendingCustomer: pending.customer_id, pendingCount: pending.n };
  } finally {
    await db.destroy();
  }
}

async function withServer<T>(args: string[], work: (pid: number, base: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const child = spawn(process.execPath, args, { env: { ...serverEnv, PORT: String(port), POOL: '10' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(child, `${base}${args[0] === 'dist/cli.js' ? '/ready' : '/customer/1'}`);
    return await work(child.pid ?? 0, base);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function waitUntilUp(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function sessionToken(base: string): Promise<string> {
  const res = await fetch(`${base}/mk/WSAutenticacao.rule?sys=MK0&token=demo-token&password=demo1234&cd_servico=9999`);
  const body = (await res.json()) as { Token?: string };
  if (!body.Token) throw new Error(`no session token: ${JSON.stringify(body)} (the database needs the demo access)`);
  return body.Token;
}

async function measure(name: string, url: string, pid: number): Promise<Result> {
  await autocannon({ url, connections, duration: 2 }); // warm-up: JIT, pools, plan caches
  let maxRss = 0;
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
  }, 500);
  const r = await autocannon({ url, connections, duration: seconds });
  clearInterval(sampler);
  console.error(`${name}: ${r.requests.average.toFixed(0)} req/s`);
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, maxRssMb: maxRss || null };
}

function rssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Math.round(Number(line[1]) / 1024) : null;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function report(rows: Result[]): void {
  const baselines = rows.filter((r) => r.name.startsWith('baseline'));
  const rps = baselines.reduce((a, r) => a + r.rps, 0) / baselines.length;
  const p99 = baselines.reduce((a, r) => a + r.p99, 0) / baselines.length;
  const engine = databaseUrl ? 'PostgreSQL' : 'embedded (PGlite)';
  console.log(`\n${engine}, ${customers} customers, ${connections} connections, ${seconds} s per scenario\n`);
  console.log('| scenario | req/s | p50 ms | p99 ms | ratio | p99 ratio | errors | max RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const cells = [r.name, r.rps.toFixed(0), r.p50, r.p99, (r.rps / rps).toFixed(2), (r.p99 / p99).toFixed(2), r.errors, r.maxRssMb ?? '-'];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
