// Where a call's time goes: runs one MK call N times in process (app.inject, no sockets) on the
// bench database and prints each SQL statement's count, total and mean time.
//   npx tsx bench/profile-queries.ts [--n 200] [--path '/mk/WSMKConsultaDoc.rule?doc=52998224725'] [--raw] [--explain]
//   (the session token is appended unless --raw; DATABASE_URL=… for PostgreSQL, else
//   .tmp/bench-data-10000, which `npm run bench` seeds)
//   (--explain: afterwards, EXPLAIN (ANALYZE, BUFFERS) of each SELECT with the parameters it was last run with)
import { parseArgs } from 'node:util';
import { CompiledQuery, type LogEvent } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';

const { values: opts } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    path: { type: 'string', default: '/mk/WSMKConsultaDoc.rule?doc=52998224725' },
    raw: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});
const stats = new Map<string, { count: number; ms: number; sql: string; parameters: readonly unknown[] }>();
let recording = false;
const log = (event: LogEvent) => {
  if (!recording) return;
  const key = event.query.sql.replace(/\s+/g, ' ').slice(0, 120);
  const s = stats.get(key) ?? { count: 0, ms: 0, sql: event.query.sql, parameters: event.query.parameters };
  s.count++;
  s.ms += event.queryDurationMillis;
  s.parameters = event.query.parameters;
  stats.set(key, s);
};
const dataDir = process.env.BENCH_DATA_DIR ?? '.tmp/bench-data-10000';
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir, log });
const config = loadConfig(process.env, { dataDir, secretKey: 'bench-secret-key-0123456789abcdefghijklmnopqrstuv', logLevel: 'silent' });
const app = await buildApp({ config, db, clock: { now: () => new Date() }, logger: false });
await app.ready();
const auth = await app.inject('/mk/WSAutenticacao.rule?token=demo-token&password=demo1234&cd_servico=9999');
const token = (auth.json() as { Token: string }).Token;
const url = opts.raw ? opts.path : `${opts.path}${opts.path.includes('?') ? '&' : '?'}token=${token}`;
for (let i = 0; i < 20; i++) await app.inject(url); // warm-up
recording = true;
const n = Number(opts.n);
const started = performance.now();
const cpuBefore = process.cpuUsage();
for (let i = 0; i < n; i++) await app.inject(url);
const cpu = process.cpuUsage(cpuBefore);
const wall = performance.now() - started;
recording = false;
console.log(
  `${opts.path}: ${(wall / n).toFixed(2)} ms per call (sequential, in process), ` +
    `${((cpu.user + cpu.system) / n).toFixed(0)} µs of this process's CPU per call`,
);
for (const [q, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`${(s.ms / n).toFixed(2).padStart(7)} ms/call  ${String(s.count / n).padStart(4)}×  ${q}`);
}
if (opts.explain) {
  for (const s of stats.values()) {
    if (!/^\s*select/i.test(s.sql)) continue;
    const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${s.sql}`, [...s.parameters]));
    console.log(`\n${s.sql}\n-- parameters: ${JSON.stringify(s.parameters)}`);
    for (const row of plan.rows) console.log(row['QUERY PLAN']);
  }
}
await app.close();
await db.destroy();
