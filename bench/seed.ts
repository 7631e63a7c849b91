// Demo-seed throughput: rows per second per table for N customers (default 10 000) on a fresh
// embedded database, and on PostgreSQL too when DATABASE_URL points at an empty database.
//   npx tsx bench/seed.ts [customers]
// Wall times depend on what else the machine runs: compare runs made on a quiet machine.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { type Db, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDomain } from '../src/db/seed/domain/index.ts';

const customers = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
const NOW = new Date('2026-11-25T15:00:00Z');

async function run(label: string, databaseUrl: string | undefined): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory', databaseUrl });
  try {
    await migrate(db);
    const timings = new Map<string, number>();
    const walBefore = databaseUrl ? await walLsn(db) : null;
    const backends = databaseUrl ? backendCpu(new URL(databaseUrl).pathname.slice(1)) : null;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const counts = await seedDomain(db, {
      customers, seed: 1, now: NOW, timings,
      onProgress: (done, total) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${done}/${total} customers`);
      },
    });
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const backendSeconds = backends?.stop() ?? 0;
    const walMb = walBefore ? await walSince(db, walBefore) : 0;
    if (process.stderr.isTTY) process.stderr.write('\n');
    const insertMs = [...timings.values()].reduce((a, b) => a + b, 0);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`\n## ${label}: ${customers} customers, ${rows} rows in ${(totalMs / 1000).toFixed(1)} s`);
    console.log(`   ${Math.round(rows / (totalMs / 1000))} rows/s overall; this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU; ` +
      `its writes took ${(insertMs / 1000).toFixed(1)} s (summed over concurrent transactions)`);
    if (backends) console.log(`   its PostgreSQL backends used ${backendSeconds.toFixed(1)} s of CPU; ${walMb} MB of WAL written`);
    console.log('   table                           rows    rows/s (of its write time)');
    const tables = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    for (const [table, n] of tables) {
      const ms = timings.get(table) ?? 0;
      const rate = ms > 0 ? Math.round(n / (ms / 1000)) : 0;
      console.log(`   ${table.padEnd(30)} ${String(n).padStart(8)} ${String(rate).padStart(9)}`);
    }
    const size = await sql<{ size: string }>`select pg_size_pretty(pg_database_size(current_database())) as size`.execute(db);
    console.log(`   database size: ${size.rows[0]?.size}`);
  } finally {
    await db.destroy();
  }
}

async function walLsn(db: Db): Promise<string> {
  return (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db)).rows[0]?.lsn ?? '0/0';
}

/**
 * CPU of the backends serving this database (same machine: sampled from /proc every second, so a
 * backend that ends between samples loses its last second) and WAL written since `walBefore`.
 */
function backendCpu(database: string): { stop: () => number } {
  const seen = new Map<string, number>();
  const sample = () => {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(`postgres: postgres ${database} `)) continue;
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        seen.set(pid, Number(fields[11]) + Number(fields[12])); // utime, stime (1/100 s)
      } catch {}
    }
  };
  const timer = setInterval(sample, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return [...seen.values()].reduce((a, b) => a + b, 0) / 100;
    },
  };
}

async function walSince(db: Db, walBefore: string): Promise<number> {
  const { rows } = await sql<{ wal: string }>`select pg_wal_lsn_diff(pg_current_wal_lsn(), ${walBefore}::pg_lsn)::text as wal`.execute(db);
  return Math.round(Number(rows[0]?.wal ?? 0) / 1e6);
}

// `--postgres-only` skips the embedded run (for the 100 000-customer target on PostgreSQL).
if (!process.argv.includes('--postgres-only')) await run('embedded (PGlite)', undefined);
if (process.env.DATABASE_URL) await run('PostgreSQL', process.env.DATABASE_URL);
