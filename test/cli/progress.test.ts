import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressBar } from '../../src/cli/progress.ts';

const CLEAR_LINE = '\x1b[K';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

test('the bar shows done/total, the rate and the time left, then the total time on a new line', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 0 });
  const { stream, written } = fakeStream(true);
  const bar = progressBar('seeding', stream);
  t.mock.timers.tick(10_000);
  bar(250, 1000);
  assert.equal(written.at(-1), `\rseeding [${'#'.repeat(8)}${'.'.repeat(22)}] 25% 250/1000 · 25/s · ETA 0:30${CLEAR_LINE}`);
  t.mock.timers.tick(3_590_000);
  bar(900, 1000);
  assert.ok(written.at(-1)?.endsWith(`] 90% 900/1000 · 0/s · ETA 6:40${CLEAR_LINE}`), written.at(-1));
  t.mock.timers.tick(1_000);
  bar(1000, 1000);
  assert.deepEqual(written.slice(-2), [`\rseeding [${'#'.repeat(30)}] 100% 1000/1000 · 0/s · in 1:00:01${CLEAR_LINE}`, '\n']);
});

test('nothing is written when the stream is not a terminal', () => {
  const { stream, written } = fakeStream(false);
  progressBar('seeding', stream)(1, 2);
  assert.deepEqual(written, []);
});
