// DB-backed MK calls as ratios against a bare Fastify + one primary-key SELECT route on the same
// database, measured in the same run (the baseline before and after the app; the mean is the
// denominator). Server processes run the compiled app (`npm run build`); with --compare or
// --activity-log-off each scenario is measured on every variant in turn (PostgreSQL; the
// embedded engine, one process per data directory, runs the variants one after the other).
//   npm run bench [-- --seconds 10 --connections 50 --customers 10000]
//   DATABASE_URL=postgres://… npm run bench        (an empty database is seeded first)
//   --activity-log-off   also measures every scenario with ACTIVITY_LOG=false (its cost)
//   --compare DIR        (repeatable) also measures the build in DIR (another checkout, `npm ci` done there), e.g. a
//                        commit before a change: both on this database, in the same run
//   --rounds N           the whole pass N times, the order of the variants reversed every other round; the
//                        table gives each row's median over the rounds and the range of its ratio
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { progressBar } from '../src/cli/progress.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { isDatabaseEmpty, seedDemo } from '../src/db/seed/index.ts';
import { cpuTicks, rssMb, sessionToken, withServer } from './server-process.ts';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string' },
    customers: { type: 'string', default: '10000' },
    only: { type: 'string' },
    warmup: { type: 'string', default: '3' },
    compare: { type: 'string', multiple: true },
    'activity-log-off': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
  },
});
const seconds = Number(opts.seconds);
const customers = Number(opts.customers);
const databaseUrl = process.env.DATABASE_URL;
const connections = Number(opts.connections ?? (databaseUrl ? 50 : 20));
const dataDir = resolve(process.env.BENCH_DATA_DIR ?? `.tmp/bench-data-${customers}`);
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
  /** CPU per request (µs) of the server process and of its PostgreSQL backends: unlike req/s,
   *  barely moved by whatever else the machine runs. */
  appCpuUs: number;
  dbCpuUs: number | null;
}

const ids = await prepareDatabase();
const baselinePath = `/customer/${ids.customer}`;
const scenarios: Array<[string, (token: string) => string]> = [
  ['GET /health', () => '/health'],
  ['WSMKConsultaDoc', (t) => `/mk/WSMKConsultaDoc.rule?sys=MK0&token=${t}&doc=52998224725`],
  [`WSMKFaturasPendentes (${ids.pendingCount} open)`, (t) => `/mk/WSMKFaturasPendentes.rule?sys=MK0&token=${t}&cd_cliente=${ids.pendingCustomer}`],
  ['WSMKContratosPorCliente', (t) => `/mk/WSMKContratosPorCliente.rule?sys=MK0&token=${t}&cd_cliente=${ids.customer}`],
  ['WSMKConexoesPorCliente', (t) => `/mk/WSMKConexoesPorCliente.rule?sys=MK0&token=${t}&cd_cliente=${ids.customer}`],
  ['WSMKConsultaConexaoAutenticada (online)', (t) => `/mk/WSMKConsultaConexaoAutenticada.rule?sys=MK0&token=${t}&codconexao=${ids.onlineConnection}`],
  ['WSAutenticacao', () => '/mk/WSAutenticacao.rule?sys=MK0&token=demo-token&password=demo1234&cd_servico=9999'],
];
/** `--only a,b`: scenarios whose name contains one of the parts. */
const selected = (name: string) => !opts.only || opts.only.split(',').some((part) => name.includes(part));
const variants: Variant[] = [{ label: '', cwd: '.', env: {} }];
if (opts['activity-log-off']) variants.push({ label: ' (activity log off)', cwd: '.', env: { ACTIVITY_LOG: 'false' } });
for (const dir of opts.compare ?? []) variants.push({ label: ` [${dir}]`, cwd: resolve(dir), env: {} });
// On PostgreSQL every variant's server runs at once and each scenario is measured on each in turn,
// so the variants of a scenario are minutes closer in time than a whole pass apart (single runs
// on this machine swing by ±40 %). The embedded engine allows one process per data directory.
const groupsOf = (list: Variant[]) => (databaseUrl ? [list] : list.map((variant) => [variant]));
const rounds: Result[][] = [];
for (let round = 0; round < Number(opts.rounds); round++) {
  const results: Result[] = [];
  rounds.push(results);
  results.push(await withServer(['bench/baseline-server.mjs'], serverEnv, (pid, base) => measure('baseline (Fastify + pg SELECT by id)', base + baselinePath, pid)));
  for (const group of groupsOf(round % 2 === 1 ? [...variants].reverse() : variants)) {
    await withVariants(group, async (servers) => {
      for (const [name, path] of scenarios) {
        if (!selected(name)) continue;
        for (const server of servers) {
          const url = server.base + path(server.token);
          const probe = await fetch(url);
          const body = (await probe.json()) as { status?: string };
          if (probe.status === 404) {
            console.error(`skipped ${name}${server.label}: not implemented yet`);
            continue;
          }
          if (path(server.token) !== '/health' && !Array.isArray(body) && body.status !== undefined && body.status !== 'OK') {
            throw new Error(`${name} answers an error, not a success: ${JSON.stringify(body)}`);
          }
          results.push(await measure(name + server.label, url, server.pid));
        }
      }
      if (selected('WSMKContratoAlterarStatus')) {
        for (const server of servers) {
          const name = `WSMKContratoAlterarStatus SUSPENDER+bloqueio / ATIVAR (${ids.statusContracts.length} contracts online)${server.label}`;
          results.push(await measure(name, statusCycle(server.base, server.token), server.pid));
        }
      }
    });
  }
  results.push(await withServer(['bench/baseline-server.mjs'], serverEnv, (pid, base) => measure('baseline again', base + baselinePath, pid)));
}
report(rounds);
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
    const statusContracts = await onlineContracts(db, 200);
    return {
      customer: 1, pendingCustomer: pending.customer_id, pendingCount: pending.n,
      statusContracts, onlineConnection: statusContracts[0]?.connection ?? 1,
    };
  } finally {
    await db.destroy();
  }
}

type Variant = { label: string; cwd: string; env: Record<string, string> };
type RunningServer = { label: string; pid: number; base: string; token: string };

/** Starts a server per variant (each in its own directory and environment), runs `work` with all of them up. */
async function withVariants(list: Variant[], work: (servers: RunningServer[]) => Promise<void>, up: RunningServer[] = []): Promise<void> {
  const variant = list[up.length];
  if (!variant) return work(up);
  await withServer(['dist/cli.js', 'serve'], serverEnv, async (pid, base) =>
    withVariants(list, work, [...up, { label: variant.label, pid, base, token: await sessionToken(base) }]), variant);
}

/**
 * Active contracts with one active connection each, given an open RADIUS session (a radacct row
 * without stop time, as FreeRADIUS writes on Accounting-Start) so that blocking and unblocking them
 * queues a Disconnect/CoA: the RADIUS path is part of what the status scenario measures.
 */
async function onlineContracts(db: Awaited<ReturnType<typeof openDatabase>>, n: number) {
  const rows = await db
    .selectFrom('contracts as k')
    .innerJoin('connections as c', 'c.contract_id', 'k.id')
    .select(['k.id as contract', sql<number>`min(c.id)`.as('connection'), sql<string>`min(c.username)`.as('username')])
    .where('k.status', '=', 'active')
    .where('c.blocked', '=', false)
    .groupBy('k.id')
    .having(sql`count(*)`, '=', 1)
    .orderBy('k.id')
    .limit(n)
    .execute();
  await sql`
    insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, framedipaddress)
    select 'bench-' || u.username, 'bench-' || u.username, u.username, '127.0.0.1', now(), '100.64.0.1'
    from unnest(${rows.map((r) => r.username)}::text[]) as u(username)
    on conflict (acctuniqueid) do nothing`.execute(db);
  return rows;
}

/** Each autocannon connection takes its own contract and suspends it (blocking its connection), then reactivates it. */
function statusCycle(base: string, token: string): autocannon.Options {
  let next = 0;
  const path = (context: { contract?: number }, query: string) => {
    context.contract ??= ids.statusContracts[next++ % ids.statusContracts.length]?.contract;
    return `/mk/WSMKContratoAlterarStatus.rule?sys=MK0&token=${token}&Contrato=${context.contract}&${query}`;
  };
  return {
    url: base,
    requests: [
      { setupRequest: (req, context) => ({ ...req, path: path(context, 'Operacao=SUSPENDER&Observacao=bench&BloquearConexao=S') }) },
      { setupRequest: (req, context) => ({ ...req, path: path(context, 'Operacao=ATIVAR') }) },
    ],
  };
}

async function measure(name: string, target: string | autocannon.Options, pid: number): Promise<Result> {
  const load = typeof target === 'string' ? { url: target } : target;
  await autocannon({ ...load, connections, duration: Number(opts.warmup) }); // warm-up: JIT, pools, plan caches
  let maxRss = 0;
  const backends = backendCpu();
  const appCpuBefore = cpuTicks(pid) ?? 0;
  await backends.sample();
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssMb(pid) ?? 0);
    void backends.sample();
  }, 500);
  const r = await autocannon({ ...load, connections, duration: seconds });
  clearInterval(sampler);
  const appCpu = (cpuTicks(pid) ?? 0) - appCpuBefore;
  const dbCpu = await backends.finish();
  console.error(`${name}: ${r.requests.average.toFixed(0)} req/s`);
  const perRequest = (ticks: number) => (ticks * 10_000) / Math.max(1, r.requests.total);
  return {
    name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, maxRssMb: maxRss || null,
    appCpuUs: perRequest(appCpu), dbCpuUs: dbCpu === null ? null : perRequest(dbCpu),
  };
}

/** CPU used by the PostgreSQL backends serving the bench database (PostgreSQL on this machine only). */
function backendCpu() {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const client = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
  const connected = client?.connect();
  const sample = async (): Promise<void> => {
    if (!client) return;
    await connected;
    const r = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid } of r.rows) {
      const ticks = cpuTicks(pid);
      if (ticks === null) continue;
      if (!first.has(pid)) first.set(pid, ticks);
      last.set(pid, ticks);
    }
  };
  const finish = async (): Promise<number | null> => {
    if (!client) return null;
    await sample();
    await client.end();
    let total = 0;
    for (const [pid, start] of first) total += (last.get(pid) ?? start) - start;
    return total;
  };
  return { sample, finish };
}

interface Row extends Result {
  ratio: number;
  p99Ratio: number;
  cpuRatio: number;
}

/** Each round's rows with their ratios against that round's baseline (the mean of its two runs). */
function withRatios(rows: Result[]): Row[] {
  const baselines = rows.filter((r) => r.name.startsWith('baseline'));
  const mean = (f: (r: Result) => number) => baselines.reduce((a, r) => a + f(r), 0) / baselines.length;
  const rps = mean((r) => r.rps);
  const p99 = mean((r) => r.p99);
  const cpu = mean((r) => r.appCpuUs + (r.dbCpuUs ?? 0));
  return rows.map((r) => ({ ...r, ratio: r.rps / rps, p99Ratio: r.p99 / p99, cpuRatio: cpu / Math.max(1, r.appCpuUs + (r.dbCpuUs ?? 0)) }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function report(rounds: Result[][]): void {
  const all = rounds.map(withRatios);
  const names = (all[0] ?? []).map((r) => r.name);
  const engine = databaseUrl ? 'PostgreSQL' : 'embedded (PGlite)';
  const many = all.length > 1;
  console.log(`\n${engine}, ${customers} customers, ${connections} connections, ${seconds} s per scenario${many ? `, median of ${all.length} rounds` : ''}\n`);
  console.log(`| scenario | req/s | p50 ms | p99 ms | ratio |${many ? ' ratio range |' : ''} p99 ratio | errors | max RSS MB | CPU µs/req app + db | CPU ratio |`);
  console.log(`|---|---|---|---|---|${many ? '---|' : ''}---|---|---|---|---|`);
  for (const name of names) {
    const rows = all.flatMap((round) => round.filter((r) => r.name === name));
    const m = (f: (r: Row) => number) => median(rows.map(f));
    const ratios = rows.map((r) => r.ratio);
    const db = rows.every((r) => r.dbCpuUs !== null) ? m((r) => r.dbCpuUs ?? 0) : null;
    const cells = [
      name, m((r) => r.rps).toFixed(0), m((r) => r.p50), m((r) => r.p99), m((r) => r.ratio).toFixed(2),
      ...(many ? [`${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`] : []),
      m((r) => r.p99Ratio).toFixed(2), rows.reduce((a, r) => a + r.errors, 0), Math.max(...rows.map((r) => r.maxRssMb ?? 0)) || '-',
      db === null ? m((r) => r.appCpuUs).toFixed(0) : `${m((r) => r.appCpuUs).toFixed(0)} + ${db.toFixed(0)}`, m((r) => r.cpuRatio).toFixed(2),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
