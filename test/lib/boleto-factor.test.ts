import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dueDateFactor, dueDateFromFactor } from '../../src/lib/boleto-factor.ts';
import { addDays } from '../../src/lib/dates.ts';

describe('dueDateFactor', () => {
  test('FEBRABAN reference points', () => {
    assert.equal(dueDateFactor('1997-10-08'), 1);
    assert.equal(dueDateFactor('2000-07-02'), 999);
    assert.equal(dueDateFactor('2000-07-03'), 1000);
    assert.equal(dueDateFactor('2018-07-15'), 7586); // published Banco do Brasil slip
    assert.equal(dueDateFactor('2025-02-21'), 9999);
    assert.equal(dueDateFactor('2025-02-22'), 1000);
  });

  test('2026-09-10 is 565 days after the 2025-02-22 restart', () => {
    assert.equal(dueDateFactor('2026-09-10'), 1565);
  });

  test('the next rollover, 9000 days later', () => {
    // 2025-02-22 + 8999 days is the last day of the second cycle
    assert.equal(dueDateFactor('2049-10-13'), 9999);
    assert.equal(dueDateFactor('2049-10-14'), 1000);
  });

  test('dates not after the base date throw', () => {
    assert.throws(() => dueDateFactor('1997-10-07'), RangeError);
    assert.throws(() => dueDateFactor('1990-01-01'), RangeError);
    assert.throws(() => dueDateFactor('2026-02-30'), RangeError);
  });
});

describe('dueDateFromFactor', () => {
  test('picks the cycle closest to the reference date', () => {
    assert.equal(dueDateFromFactor(9999, '2025-01-01'), '2025-02-21');
    assert.equal(dueDateFromFactor(1000, '2025-03-01'), '2025-02-22');
    assert.equal(dueDateFromFactor(1000, '2000-07-01'), '2000-07-03');
    assert.equal(dueDateFromFactor(1565, '2026-08-01'), '2026-09-10');
    assert.equal(dueDateFromFactor(1565, '2001-01-01'), '2002-01-19');
    assert.equal(dueDateFromFactor(7586, '2018-01-01'), '2018-07-15');
    // an overdue old-cycle slip read today stays in 2018 (2979 days back beats 6021 ahead)…
    assert.equal(dueDateFromFactor(7586, '2026-09-10'), '2018-07-15');
    // …but the same factor read in 2040 means the second-cycle date
    assert.equal(dueDateFromFactor(7586, '2040-01-01'), '2043-03-06');
  });

  test('factors below 1000 only exist in the first cycle', () => {
    assert.equal(dueDateFromFactor(1, '2026-09-10'), '1997-10-08');
    assert.equal(dueDateFromFactor(500, '2026-09-10'), '1999-02-19');
  });

  test('an exact tie goes to the later date', () => {
    const midpoint = addDays('2000-07-03', 4500);
    assert.equal(dueDateFromFactor(1000, midpoint), '2025-02-22');
    assert.equal(dueDateFromFactor(1000, addDays(midpoint, -1)), '2000-07-03');
  });

  test('round trip for every day from 2000 to 2060 with nearby references', () => {
    for (let date = '2000-07-03'; date < '2060-01-01'; date = addDays(date, 1)) {
      const factor = dueDateFactor(date);
      assert.equal(dueDateFromFactor(factor, date), date);
      assert.equal(dueDateFromFactor(factor, addDays(date, 4000)), date);
      assert.equal(dueDateFromFactor(factor, addDays(date, -4000)), date);
    }
  });

  test('invalid factors throw', () => {
    for (const bad of [0, -1, 10000, 1.5, Number.NaN]) {
      assert.throws(() => dueDateFromFactor(bad, '2026-09-10'), RangeError, String(bad));
    }
  });
});
