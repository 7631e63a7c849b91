import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

/** RSS (MB) of a fresh process after the same queries on an in-memory embedded database (the compiled app's openDatabase). */
async function rssAfterQueries(wasmTierUp: boolean): Promise<number> {
  const database = pathToFileURL(join(ROOT, 'dist', 'db', 'database.js')).href;
  const script = `
    const { openDatabase } = await import(${JSON.stringify(database)});
    const { sql } = await import('kysely');
    const db = await openDatabase({ dataDir: 'memory', wasmTierUp: ${wasmTierUp} });
    await sql\`create table t (id int primary key, name text, n numeric)\`.execute(db);
    await sql\`insert into t select g, md5(g::text), g * 1.5 from generate_series(1, 20000) g\`.execute(db);
    for (let i = 1; i <= 300; i++) {
      await sql\`select t.*, length(name) from t where id = \${i}\`.execute(db);
      await sql\`select count(*), sum(n), max(name) from t where id % 7 = \${i % 7}\`.execute(db);
    }
    await db.destroy();
    process.stdout.write(String(Math.round(process.memoryUsage().rss / 2 ** 20)));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  return Number(stdout);
}

test('the embedded engine stays on V8 baseline compiler unless EMBEDDED_WASM_TIER_UP: less memory after the same queries', async (t) => {
  const [baselineOnly, tieredUp] = await Promise.all([rssAfterQueries(false), rssAfterQueries(true)]);
  t.diagnostic(`RSS after the queries: baseline compiler only ${baselineOnly} MB, tiered up ${tieredUp} MB`);
  assert.ok(baselineOnly > 0 && tieredUp > 0);
  assert.ok(tieredUp - baselineOnly >= 20, `baseline compiler only: ${baselineOnly} MB; tiered up: ${tieredUp} MB`);
});
