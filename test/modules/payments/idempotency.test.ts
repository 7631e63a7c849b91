import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../../../src/db/database.ts';
import type { AppDeps } from '../../../src/http/context.ts';
import { MkError } from '../../../src/http/mk/mk-errors.ts';
import { withIdempotency } from '../../../src/modules/payments/idempotency.ts';
import { TestClock } from '../../support/test-clock.ts';
import { freshDatabase } from '../../support/test-db.ts';

describe('withIdempotency: one answer per key, whatever the timing', () => {
  let db: Db;
  let deps: AppDeps;
  const clock = new TestClock();
  before(async () => {
    db = await freshDatabase();
    deps = { db, clock } as unknown as AppDeps;
  });
  after(() => db?.destroy());
  const ctx = (key: string, params: Record<string, unknown> = { IDPagamento: 'x' }) => ({
    endpointId: 'WSMKLiquidacaoFaturas',
    caller: null,
    headers: { 'idempotency-key': key },
    params,
  });

  test('a concurrent call with the key waits for the first one instead of answering its own refusal', async () => {
    let release!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => {
      release = resolve;
    });
    let runs = 0;
    const first = withIdempotency(deps, ctx('k-race'), async () => {
      runs++;
      await firstMayFinish;
      return { settled: true };
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first call has claimed the key
    // Were it to run, the second call's operation would be refused at once (the first holds the
    // order): that refusal must not be what it answers.
    const second = withIdempotency(deps, ctx('k-race'), async () => {
      runs++;
      throw new MkError('conflict', 'já liquidado');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    assert.deepEqual(await first, { settled: true });
    assert.deepEqual(await second, { settled: true });
    assert.equal(runs, 1, 'the operation ran once');
  });

  test('a refusal is stored and replayed; other parameters with the key are refused (005)', async () => {
    await assert.rejects(withIdempotency(deps, ctx('k-refused'), async () => {
      throw new MkError('conflict', 'Fatura 1 já liquidada.');
    }), /já liquidada/);
    await assert.rejects(withIdempotency(deps, ctx('k-refused'), async () => ({ ran: true })), /já liquidada/);
    await assert.rejects(withIdempotency(deps, ctx('k-refused', { IDPagamento: 'y' }), async () => ({ ran: true })), /outros parâmetros/);
  });

  test('an internal failure stores nothing: the next call with the key runs the operation', async () => {
    await assert.rejects(withIdempotency(deps, ctx('k-internal'), async () => {
      throw new Error('database went away');
    }), /went away/);
    assert.deepEqual(await withIdempotency(deps, ctx('k-internal'), async () => ({ second: true })), { second: true });
  });

  test('a claim left by a call that died (same parameters) is taken over once it is stale', async () => {
    await db
      .insertInto('idempotent_responses')
      .values({ endpoint_id: 'WSMKLiquidacaoFaturas', scope_key: '0:k-dead', request_hash: createHash('sha256').update(JSON.stringify(Object.entries(ctx('k-dead').params).sort())).digest('hex'), response: JSON.stringify({ pending: true }), created_at: clock.now() })
      .execute();
    clock.advance(3 * 60_000);
    assert.deepEqual(await withIdempotency(deps, ctx('k-dead'), async () => ({ recovered: true })), { recovered: true });
  });
});
