import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CoalescedInsert } from '../../src/db/coalesced-insert.ts';

/** A writer that records each batch and can be held open or made to refuse rows. */
function recorder(refuse: (rows: readonly number[]) => Error | null = () => null) {
  const batches: number[][] = [];
  let release: () => void = () => {};
  let held: Promise<void> | null = null;
  return {
    batches,
    hold() {
      held = new Promise((r) => {
        release = r;
      });
    },
    release: () => release(),
    write: async (rows: readonly number[]) => {
      batches.push([...rows]);
      if (held) {
        const h = held;
        held = null;
        await h;
      }
      const err = refuse(rows);
      if (err) throw err;
    },
  };
}

const dataError = (message: string) => Object.assign(new Error(message), { code: '23505' });

describe('CoalescedInsert', () => {
  test('a row alone is written at once; rows arriving during a write share the next one', async () => {
    const w = recorder();
    const rows = new CoalescedInsert(w.write);
    await rows.insert(1);
    assert.deepEqual(w.batches, [[1]]);
    w.hold();
    const first = rows.insert(2);
    const rest = [3, 4, 5].map((n) => rows.insert(n));
    w.release();
    await Promise.all([first, ...rest]);
    assert.deepEqual(w.batches, [[1], [2], [3, 4, 5]]);
  });

  test('batches hold at most maxRows', async () => {
    const w = recorder();
    const rows = new CoalescedInsert(w.write, 2);
    w.hold();
    const all = [1, 2, 3, 4, 5].map((n) => rows.insert(n));
    w.release();
    await Promise.all(all);
    assert.deepEqual(w.batches, [[1], [2, 3], [4, 5]]);
  });

  test("a batch refused for one row's data is retried row by row: only that row's caller gets the error", async () => {
    const w = recorder((batch) => (batch.includes(3) ? dataError('duplicate key') : null));
    const rows = new CoalescedInsert(w.write);
    w.hold();
    const first = rows.insert(1);
    const results = [2, 3, 4].map((n) => rows.insert(n).then(() => 'ok', (e: Error) => e.message));
    w.release();
    await first;
    assert.deepEqual(await Promise.all(results), ['ok', 'duplicate key', 'ok']);
    assert.deepEqual(w.batches, [[1], [2, 3, 4], [2], [3], [4]]);
  });

  test('any other failure (connection, server) is every caller of the batch, and later rows are still written', async () => {
    let down = true;
    const w = recorder(() => (down ? new Error('connection terminated') : null));
    const rows = new CoalescedInsert(w.write);
    w.hold();
    const first = rows.insert(1).then(() => 'ok', (e: Error) => e.message);
    const batch = [2, 3].map((n) => rows.insert(n).then(() => 'ok', (e: Error) => e.message));
    w.release();
    assert.deepEqual(await Promise.all([first, ...batch]), ['connection terminated', 'connection terminated', 'connection terminated']);
    assert.deepEqual(w.batches, [[1], [2, 3]]);
    down = false;
    await rows.insert(4);
    assert.deepEqual(w.batches.at(-1), [4]);
  });
});
