import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';

/**
 * V8 folds its flags into cachedDataVersionTag(), so setting a flag that is already set leaves the
 * tag alone and any other change moves it: after opening, the flag the setting asks for is set.
 * (Memory itself is no test: RSS after the same queries swung from 228 to 529 MB on a loaded machine.)
 */
async function tagAfterOpening(wasmTierUp: boolean): Promise<number> {
  const db = await openDatabase({ dataDir: 'memory', wasmTierUp });
  try {
    assert.equal((await sql<{ n: number }>`select 1 as n`.execute(db)).rows[0]?.n, 1);
    return v8.cachedDataVersionTag();
  } finally {
    await db.destroy();
  }
}

test("the embedded engine's WebAssembly stays on V8's baseline compiler (Liftoff) unless wasmTierUp", async () => {
  const baselineOnly = await tagAfterOpening(false);
  v8.setFlagsFromString('--liftoff-only');
  assert.equal(v8.cachedDataVersionTag(), baselineOnly, 'opening set --liftoff-only');

  const tieredUp = await tagAfterOpening(true);
  assert.notEqual(tieredUp, baselineOnly);
  v8.setFlagsFromString('--no-liftoff-only');
  assert.equal(v8.cachedDataVersionTag(), tieredUp, 'opening with wasmTierUp set --no-liftoff-only');
});
