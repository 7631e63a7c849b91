import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allocate, priceInvoice } from '../../../src/modules/payments/pricing.ts';

const base = { amountCents: 10000, fineBasisPoints: 200, monthlyInterestBasisPoints: 100, discount: null };

test('on or before the due date: no surcharge; late: 2 % fine + pro-rata interest', () => {
  assert.deepEqual(priceInvoice({ ...base, dueDate: '2026-11-24', today: '2026-11-24' }), { originalCents: 10000, surchargeCents: 0, discountCents: 0, amountCents: 10000 });
  assert.equal(priceInvoice({ ...base, dueDate: '2026-10-25', today: '2026-11-24' }).surchargeCents, 200 + 100);
});

test('punctuality discount only up to days_before_due; fixed amounts capped at the invoice', () => {
  const discount = { purpose: 'punctuality', percentBasisPoints: 1000, amountCents: null, daysBeforeDue: 3 };
  assert.equal(priceInvoice({ ...base, discount, dueDate: '2026-11-27', today: '2026-11-24' }).discountCents, 1000);
  assert.equal(priceInvoice({ ...base, discount, dueDate: '2026-11-26', today: '2026-11-24' }).discountCents, 0);
  const fixed = { purpose: 'promotional', percentBasisPoints: null, amountCents: 50000, daysBeforeDue: null };
  assert.equal(priceInvoice({ ...base, discount: fixed, dueDate: '2026-10-01', today: '2026-11-24' }).discountCents, 10000);
});

test('allocate splits exactly, in proportion', () => {
  assert.deepEqual(allocate(500, [10000, 5000]), [333, 167]);
  assert.deepEqual(allocate(1, [1, 1, 1]), [1, 0, 0]);
  assert.deepEqual(allocate(7, [0, 0]), [7, 0]);
  assert.equal(allocate(12345, [3, 7, 11, 13]).reduce((a, b) => a + b, 0), 12345);
});
