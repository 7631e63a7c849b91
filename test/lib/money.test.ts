import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyDiscount,
  applyPercent,
  centsToDecimal,
  decimalToCents,
  formatBrl,
  formatDecimalBr,
  parseMoneyToCents,
  proRataInterest,
  splitCents,
} from '../../src/lib/money.ts';

describe('formatBrl', () => {
  test('formats with thousands dots and decimal comma', () => {
    assert.equal(formatBrl(123456), 'R$ 1.234,56');
    assert.equal(formatBrl(9990), 'R$ 99,90');
    assert.equal(formatBrl(5), 'R$ 0,05');
    assert.equal(formatBrl(0), 'R$ 0,00');
    assert.equal(formatBrl(100000), 'R$ 1.000,00');
    assert.equal(formatBrl(99999), 'R$ 999,99');
    assert.equal(formatBrl(123456789012), 'R$ 1.234.567.890,12');
  });

  test('negative amounts put the sign before the symbol', () => {
    assert.equal(formatBrl(-100), '-R$ 1,00');
    assert.equal(formatBrl(-123456), '-R$ 1.234,56');
    assert.equal(formatBrl(-5), '-R$ 0,05');
  });

  test('rejects non-integer centavos', () => {
    assert.throws(() => formatBrl(1.5), RangeError);
    assert.throws(() => formatBrl(Number.NaN), RangeError);
  });

  test('formatDecimalBr drops the symbol', () => {
    assert.equal(formatDecimalBr(123456), '1.234,56');
    assert.equal(formatDecimalBr(-9990), '-99,90');
  });
});

describe('centsToDecimal / decimalToCents', () => {
  test('centsToDecimal gives a dot-decimal JSON number', () => {
    assert.equal(centsToDecimal(9990), 99.9);
    assert.equal(centsToDecimal(5), 0.05);
    assert.equal(centsToDecimal(123456), 1234.56);
    assert.equal(JSON.stringify({ valor: centsToDecimal(9990) }), '{"valor":99.9}');
    assert.throws(() => centsToDecimal(0.5), RangeError);
  });

  test('decimalToCents absorbs binary noise', () => {
    assert.equal(decimalToCents(99.9), 9990);
    assert.equal(decimalToCents(19.99), 1999); // 19.99 * 100 = 1998.9999999999998
    assert.equal(decimalToCents(0.1 + 0.2), 30);
    assert.equal(decimalToCents(1.005), 101); // 1.005 * 100 = 100.49999999999999
    assert.equal(decimalToCents(-1.5), -150);
    assert.equal(decimalToCents(0), 0);
    assert.equal(decimalToCents(Number.NaN), null);
    assert.equal(decimalToCents(Number.POSITIVE_INFINITY), null);
  });

  test('round trip for every centavo value up to 100 000', () => {
    for (let cents = 0; cents <= 100_000; cents++) {
      assert.equal(decimalToCents(centsToDecimal(cents)), cents);
    }
  });
});

describe('parseMoneyToCents', () => {
  test('accepts the usual Brazilian and dot-decimal spellings', () => {
    assert.equal(parseMoneyToCents('99.90'), 9990);
    assert.equal(parseMoneyToCents('99,90'), 9990);
    assert.equal(parseMoneyToCents('1.234,56'), 123456);
    assert.equal(parseMoneyToCents('1234.5'), 123450);
    assert.equal(parseMoneyToCents('100'), 10000);
    assert.equal(parseMoneyToCents('0,01'), 1);
    assert.equal(parseMoneyToCents('0'), 0);
    assert.equal(parseMoneyToCents('12,3'), 1230);
    assert.equal(parseMoneyToCents('1.234.567,89'), 123456789);
    assert.equal(parseMoneyToCents('1.234.567'), 123456700);
    assert.equal(parseMoneyToCents('1,234.56'), 123456);
  });

  test('tolerates surrounding spaces and an R$ prefix', () => {
    assert.equal(parseMoneyToCents('  7 '), 700);
    assert.equal(parseMoneyToCents('R$ 1.234,56'), 123456);
    assert.equal(parseMoneyToCents('R$99,90'), 9990);
  });

  test('null for garbage, negatives and more than 2 decimals', () => {
    for (const bad of ['', ' ', 'abc', '-5', '-5,00', '99.999', '1,005', '1.234', '1.23.456', '1.2345,00', '.50', '5.', '1e3', '12a', '1,234,5', 'R$', '+5', '1 000']) {
      assert.equal(parseMoneyToCents(bad), null, `"${bad}"`);
    }
  });
});

describe('percentages (basis points, round half up)', () => {
  test('applyPercent', () => {
    assert.equal(applyPercent(9990, 200), 200); // 2 % of 99,90 = 1,998
    assert.equal(applyPercent(10000, 250), 250);
    assert.equal(applyPercent(50, 100), 1); // 0,5 centavo rounds up
    assert.equal(applyPercent(49, 100), 0);
    assert.equal(applyPercent(150, 1000), 15);
    assert.equal(applyPercent(-50, 100), -1); // half away from zero
    assert.equal(applyPercent(9_999_999_999, 10_000), 9_999_999_999);
    assert.throws(() => applyPercent(100, 1.5), RangeError);
  });

  test('applyDiscount', () => {
    assert.equal(applyDiscount(9990, 1000), 8991);
    assert.equal(applyDiscount(9995, 1000), 8995); // discount 999,5 → 1000
    assert.equal(applyDiscount(100, 20_000), 0);
    assert.equal(applyDiscount(9990, 0), 9990);
  });

  test('proRataInterest on a 30-day month', () => {
    assert.equal(proRataInterest(10000, 100, 30), 100);
    assert.equal(proRataInterest(10000, 100, 10), 33); // 33,33…
    assert.equal(proRataInterest(10000, 100, 20), 67); // 66,66…
    assert.equal(proRataInterest(9990, 100, 15), 50); // 49,95
    assert.equal(proRataInterest(9990, 100, 0), 0);
    assert.equal(proRataInterest(9990, 100, -3), 0);
  });
});

describe('splitCents', () => {
  test('distributes the leftover to the first parts', () => {
    assert.deepEqual(splitCents(10000, 3), [3334, 3333, 3333]);
    assert.deepEqual(splitCents(2, 3), [1, 1, 0]);
    assert.deepEqual(splitCents(-10000, 3), [-3334, -3333, -3333]);
    assert.deepEqual(splitCents(0, 2), [0, 0]);
    assert.deepEqual(splitCents(9990, 1), [9990]);
  });

  test('parts always add up to the total', () => {
    for (const [total, parts] of [[123457, 7], [1, 12], [99999, 10]] as const) {
      assert.equal(
        splitCents(total, parts).reduce((a, b) => a + b, 0),
        total,
      );
    }
  });

  test('rejects zero parts', () => {
    assert.throws(() => splitCents(100, 0), RangeError);
  });
});
