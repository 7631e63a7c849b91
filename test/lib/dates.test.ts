import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addDays,
  addMonths,
  compareIsoDates,
  dayNumberToIsoDate,
  daysBetween,
  daysInMonth,
  formatDateBr,
  formatDateTimeBr,
  formatDateTimeSql,
  isIsoDate,
  isoDateToDayNumber,
  parseMkDate,
  todayInSaoPaulo,
} from '../../src/lib/dates.ts';
import { createRandom } from '../../src/lib/random.ts';

describe('parseMkDate', () => {
  test('accepts DD/MM/YYYY and YYYY-MM-DD', () => {
    assert.equal(parseMkDate('10/09/2026'), '2026-09-10');
    assert.equal(parseMkDate('2026-09-10'), '2026-09-10');
    assert.equal(parseMkDate(' 01/01/2000 '), '2000-01-01');
    assert.equal(parseMkDate('31/12/1999'), '1999-12-31');
  });

  test('validates the calendar, leap years included', () => {
    assert.equal(parseMkDate('31/02/2026'), null);
    assert.equal(parseMkDate('31/04/2026'), null);
    assert.equal(parseMkDate('29/02/2024'), '2024-02-29');
    assert.equal(parseMkDate('29/02/2025'), null);
    assert.equal(parseMkDate('29/02/1900'), null);
    assert.equal(parseMkDate('29/02/2000'), '2000-02-29');
    assert.equal(parseMkDate('2026-13-01'), null);
    assert.equal(parseMkDate('00/01/2026'), null);
    assert.equal(parseMkDate('2026-00-10'), null);
  });

  test('rejects other shapes', () => {
    for (const bad of ['', '1/9/2026', '2026-9-10', '10-09-2026', '2026/9/10', '10/09/26', '10/09/2026 10:00', 'hoje']) {
      assert.equal(parseMkDate(bad), null, bad);
    }
  });
});

describe('formatting', () => {
  test('formatDateBr', () => {
    assert.equal(formatDateBr('2026-09-10'), '10/09/2026');
    assert.equal(formatDateBr('2000-01-01'), '01/01/2000');
    assert.throws(() => formatDateBr('2026-02-30'), RangeError);
    assert.throws(() => formatDateBr('10/09/2026'), RangeError);
  });

  test('formatDateTimeBr shows São Paulo wall-clock time (UTC-3 since 2019)', () => {
    assert.equal(formatDateTimeBr(new Date('2026-09-10T15:04:05Z')), '10/09/2026 12:04:05');
    assert.equal(formatDateTimeBr(new Date('2026-01-01T03:00:00Z')), '01/01/2026 00:00:00');
    assert.equal(formatDateTimeBr(new Date('2026-01-01T02:59:59Z')), '31/12/2025 23:59:59');
  });

  test('historical daylight saving time is honoured', () => {
    // January 2019 was still under horário de verão (UTC-2)
    assert.equal(formatDateTimeBr(new Date('2019-01-15T12:00:00Z')), '15/01/2019 10:00:00');
  });

  test('formatDateTimeSql', () => {
    assert.equal(formatDateTimeSql(new Date('2026-09-10T15:04:05Z')), '2026-09-10 12:04:05');
  });

  test('invalid Date throws', () => {
    assert.throws(() => formatDateTimeBr(new Date('nope')), RangeError);
  });
});

describe('todayInSaoPaulo', () => {
  test('the date rolls over at 03:00 UTC', () => {
    assert.equal(todayInSaoPaulo(new Date('2026-09-11T02:59:59Z')), '2026-09-10');
    assert.equal(todayInSaoPaulo(new Date('2026-09-11T03:00:00Z')), '2026-09-11');
  });
});

describe('arithmetic', () => {
  test('addDays', () => {
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(addDays('2026-09-10', 0), '2026-09-10');
    assert.equal(addDays('1997-10-07', 10000), '2025-02-22');
    assert.throws(() => addDays('2026-09-10', 1.5), RangeError);
  });

  test('addMonths clamps to the month end', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
    assert.equal(addMonths('2026-11-15', 3), '2027-02-15');
    assert.equal(addMonths('2026-05-10', -17), '2024-12-10');
    assert.equal(addMonths('2026-01-31', 12), '2027-01-31');
    assert.equal(addMonths('2026-08-31', 1), '2026-09-30');
  });

  test('daysBetween is signed', () => {
    assert.equal(daysBetween('1997-10-07', '2000-07-03'), 1000);
    assert.equal(daysBetween('2025-02-22', '2026-09-10'), 565);
    assert.equal(daysBetween('2026-09-10', '2025-02-22'), -565);
    assert.equal(daysBetween('2026-09-10', '2026-09-10'), 0);
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  });

  test('compareIsoDates sorts chronologically', () => {
    assert.equal(compareIsoDates('2026-01-01', '2026-01-02'), -1);
    assert.equal(compareIsoDates('2026-01-02', '2026-01-01'), 1);
    assert.equal(compareIsoDates('2026-01-01', '2026-01-01'), 0);
    assert.deepEqual(['2026-03-01', '1999-12-31', '2026-02-28'].sort(compareIsoDates), [
      '1999-12-31',
      '2026-02-28',
      '2026-03-01',
    ]);
  });

  test('day numbers match Date.UTC for random dates', () => {
    assert.equal(isoDateToDayNumber('1970-01-01'), 0);
    assert.equal(isoDateToDayNumber('2000-03-01'), 11017);
    assert.equal(isoDateToDayNumber('1969-12-31'), -1);
    const r = createRandom(5);
    for (let i = 0; i < 2000; i++) {
      const dayNumber = r.int(-100_000, 100_000);
      const iso = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
      assert.equal(dayNumberToIsoDate(dayNumber), iso);
      assert.equal(isoDateToDayNumber(iso), dayNumber);
    }
  });

  test('daysInMonth and isIsoDate', () => {
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2100, 2), 28);
    assert.equal(daysInMonth(2026, 4), 30);
    assert.equal(isIsoDate('2026-09-10'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('10/09/2026'), false);
  });
});

test('parseMkDate also reads the AAAA/MM/DD form printed in MK docs', () => {
  assert.equal(parseMkDate('2026/07/31'), '2026-07-31');
  assert.equal(parseMkDate('2026/02/30'), null);
  assert.equal(parseMkDate('2026/07-31'), null);
});
