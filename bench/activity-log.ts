// What the activity log costs, measured so that this machine's drift (±20–50 % between runs
// minutes apart) cancels out: two servers on the same PostgreSQL, one with ACTIVITY_LOG=false, and
// the load alternates between them in short slices (order reversed every other pair).
//   1. saturated (50 connections): req/s of each slice; the ratio log on / log off of each pair
//   2. at a fixed rate below saturation: CPU per request of the app process, of all PostgreSQL
//      processes (backends, WAL writer, checkpointer, autovacuum…) and of the whole machine minus
//      this load generator — the log's cost in CPU, not only in throughput
//   DATABASE_URL=postgres://… npx tsx bench/activity-log.ts [--pairs 20] [--slice 2] [--rate 1500] [--only ConsultaDoc]
// The database must hold the bench's demo data (run bench/api.ts on it once). PostgreSQL on this
// machine only (CPU is read from /proc).
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchServerEnv, cpuTicks, sessionToken, withServer } from './server-process.ts';

const { values: opts } = parseArgs({
  options: {
    pairs: { type: 'string', default: '20' },
    slice: { type: 'string', default: '2' },
    rate: { type: 'string' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required (PostgreSQL on this machine)');
const pairs = Number(opts.pairs);
const slice = Number(opts.slice);
const connections = Number(opts.connections);
const scenarios: Array<[string, (token: string) => string]> = [
  ['WSMKConsultaDoc', (t) => `/mk/WSMKConsultaDoc.rule?sys=MK0&token=${t}&doc=52998224725`],
  ['WSMKContratosPorCliente', (t) => `/mk/WSMKContratosPorCliente.rule?sys=MK0&token=${t}&cd_cliente=1`],
];
const selected = scenarios.filter(([name]) => !opts.only || opts.only.split(',').some((part) => name.includes(part)));

const postmaster = await postmasterPid(databaseUrl);
const env = { ...benchServerEnv(), DATABASE_URL: databaseUrl };
await withServer(['dist/cli.js', 'serve'], { ...env, ACTIVITY_LOG: 'true' }, (onPid, onBase) =>
  withServer(['dist/cli.js', 'serve'], { ...env, ACTIVITY_LOG: 'false' }, async (offPid, offBase) => {
    const servers = [
      { label: 'log on', pid: onPid, base: onBase, token: await sessionToken(onBase) },
      { label: 'log off', pid: offPid, base: offBase, token: await sessionToken(offBase) },
    ];
    for (const [name, path] of selected) {
      const urls = servers.map((s) => s.base + path(s.token));
      for (const url of urls) await autocannon({ url, connections, duration: 2 }); // warm-up
      const saturated = await alternate(urls, {});
      const offRps = saturated.total[1] / (pairs * slice);
      const rate = Number(opts.rate ?? Math.round(offRps * 0.6));
      const fixed = await alternate(urls, { overallRate: rate }, servers.map((s) => s.pid));
      report(name, saturated, fixed, rate);
    }
  }),
);
process.exit(0);

interface Slices {
  total: [number, number];
  ratios: number[];
  cpu: { app: [number, number]; postgres: [number, number]; machine: [number, number] };
}

/** `pairs` pairs of slices, one on each server, the order reversed every other pair. */
async function alternate(urls: string[], load: { overallRate?: number }, pids: number[] = []): Promise<Slices> {
  const s: Slices = { total: [0, 0], ratios: [], cpu: { app: [0, 0], postgres: [0, 0], machine: [0, 0] } };
  for (let i = 0; i < pairs; i++) {
    const rps = [0, 0];
    for (const k of (i % 2 === 0 ? [0, 1] : [1, 0]) as Array<0 | 1>) {
      const pid = pids[k];
      const before = { app: pid ? (cpuTicks(pid) ?? 0) * 10_000 : 0, postgres: postgresCpuUs(), machine: machineBusyUs(), self: ownCpuUs() };
      const r = await autocannon({ url: urls[k] as string, connections, duration: slice, ...load });
      s.total[k] += r.requests.total;
      rps[k] = r.requests.total;
      if (pid) {
        s.cpu.app[k] += (cpuTicks(pid) ?? 0) * 10_000 - before.app;
        s.cpu.postgres[k] += postgresCpuUs() - before.postgres;
        s.cpu.machine[k] += machineBusyUs() - before.machine - (ownCpuUs() - before.self);
      }
    }
    s.ratios.push((rps[0] as number) / Math.max(1, rps[1] as number));
  }
  return s;
}

function report(name: string, saturated: Slices, fixed: Slices, rate: number): void {
  const q = quantiles(saturated.ratios);
  const per = (us: [number, number], k: 0 | 1) => (us[k] / Math.max(1, fixed.total[k])).toFixed(0);
  const cost = (us: [number, number]) => `${per(us, 0)} / ${per(us, 1)}`;
  console.log(`\n${name}: ${pairs} pairs of ${slice}-s slices, ${connections} connections`);
  console.log(`| measure | log on / log off |\n|---|---|`);
  console.log(`| saturated req/s (all slices) | ${(saturated.total[0] / (pairs * slice)).toFixed(0)} / ${(saturated.total[1] / (pairs * slice)).toFixed(0)} |`);
  console.log(`| throughput ratio, median of pairs (IQR) | ${q.median.toFixed(3)} (${q.p25.toFixed(3)}–${q.p75.toFixed(3)}) |`);
  console.log(`| at ${rate} req/s: CPU µs/req app | ${cost(fixed.cpu.app)} |`);
  console.log(`| at ${rate} req/s: CPU µs/req PostgreSQL (all processes) | ${cost(fixed.cpu.postgres)} |`);
  console.log(`| at ${rate} req/s: CPU µs/req machine minus load generator | ${cost(fixed.cpu.machine)} |`);
}

function quantiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (f: number) => s[Math.round(f * (s.length - 1))] as number;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75) };
}

/** The postmaster is the parent of every backend; its children come and go (autovacuum workers). */
async function postmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const parent = statFields(rows[0]?.pid ?? 0)?.[1];
    if (!parent) throw new Error('PostgreSQL does not run on this machine: its CPU cannot be read');
    return parent;
  } finally {
    await client.end();
  }
}

function statFields(pid: number): number[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
  } catch {
    return null;
  }
}

/** CPU of the postmaster, of its children still running and of those it has reaped (µs). */
function postgresCpuUs(): number {
  const p = statFields(postmaster);
  if (!p) return 0;
  let ticks = (p[11] ?? 0) + (p[12] ?? 0) + (p[13] ?? 0) + (p[14] ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = statFields(Number(entry));
    if (s && s[1] === postmaster) ticks += (s[11] ?? 0) + (s[12] ?? 0);
  }
  return ticks * 10_000;
}

function machineBusyUs(): number {
  const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user, nice, system, irq, softirq (jiffies of 10 ms)
  return ((f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0)) * 10_000;
}

function ownCpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}
