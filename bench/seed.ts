// Demo-seed throughput: rows per second per table for N customers (default 10 000) on a fresh
// embedded database, and on PostgreSQL too when DATABASE_URL points at an empty database.
//   npx tsx bench/seed.ts [customers]
// Wall times depend on what else the machine runs: compare runs made on a quiet machine.
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDomain } from '../src/db/seed/domain/index.ts';

const customers = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000);
const NOW = new Date('2026-11-25T15:00:00Z');

async function run(label: string, databaseUrl: string | undefined): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory', databaseUrl });
  try {
    await migrate(db);
    const timings = new Map<string, number>();
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
    if (process.stderr.isTTY) process.stderr.write('\n');
    const insertMs = [...timings.values()].reduce((a, b) => a + b, 0);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`\n## ${label}: ${customers} customers, ${rows} rows in ${(totalMs / 1000).toFixed(1)} s`);
    console.log(`   ${Math.round(rows / (totalMs / 1000))} rows/s overall; this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU; ` +
      `INSERT statements took ${(insertMs / 1000).toFixed(1)} s (summed over concurrent transactions)`);
    console.log('   table                           rows    rows/s (of its INSERT time)');
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

// `--postgres-only` skips the embedded run (for the 100 000-customer target on PostgreSQL).
if (!process.argv.includes('--postgres-only')) await run('embedded (PGlite)', undefined);
if (process.env.DATABASE_URL) await run('PostgreSQL', process.env.DATABASE_URL);
