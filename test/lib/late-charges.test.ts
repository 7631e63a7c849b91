import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeLateCharges } from '../../src/lib/late-charges.ts';

const base = {
  amountCents: 9990,
  dueDate: '2026-09-10',
  fineBasisPoints: 200,
  monthlyInterestBasisPoints: 100,
};

describe('computeLateCharges', () => {
  test('nothing extra on or before the due date', () => {
    assert.deepEqual(computeLateCharges({ ...base, paymentDate: '2026-09-10' }), {
      daysLate: 0,
      fineCents: 0,
      interestCents: 0,
      totalCents: 9990,
    });
    assert.equal(computeLateCharges({ ...base, paymentDate: '2026-09-01' }).totalCents, 9990);
  });

  test('2 % fine plus 1 % a month pro rata', () => {
    // 15 days: fine 199,8 → 200; interest 9990 × 1 % × 15/30 = 49,95 → 50
    assert.deepEqual(computeLateCharges({ ...base, paymentDate: '2026-09-25' }), {
      daysLate: 15,
      fineCents: 200,
      interestCents: 50,
      totalCents: 10240,
    });
  });

  test('late across a month boundary counts calendar days', () => {
    // 2026-09-10 → 2026-10-10 is 30 days: interest exactly 1 % = 99,9 → 100
    const r = computeLateCharges({ ...base, paymentDate: '2026-10-10' });
    assert.equal(r.daysLate, 30);
    assert.equal(r.interestCents, 100);
    assert.equal(r.totalCents, 9990 + 200 + 100);
  });

  test('grace days waive charges, then interest counts from the due date', () => {
    assert.equal(computeLateCharges({ ...base, paymentDate: '2026-09-15', graceDays: 5 }).totalCents, 9990);
    // 6 days: interest 9990 × 1 % × 6/30 = 19,98 → 20
    assert.deepEqual(computeLateCharges({ ...base, paymentDate: '2026-09-16', graceDays: 5 }), {
      daysLate: 6,
      fineCents: 200,
      interestCents: 20,
      totalCents: 10210,
    });
  });
});
