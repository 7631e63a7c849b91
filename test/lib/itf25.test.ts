import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itf25Bars, itf25Pattern } from '../../src/lib/itf25.ts';

const BB_BARCODE = '00196758600001026560000001149718606852452211';

// Independent decoder: reads the 5-element width code of each digit back.
const CODES: Record<string, string> = {
  nnwwn: '0', wnnnw: '1', nwnnw: '2', wwnnn: '3', nnwnw: '4',
  wnwnn: '5', nwwnn: '6', nnnww: '7', wnnwn: '8', nwnwn: '9',
};

function decode(pattern: string): string {
  assert.equal(pattern.slice(0, 4), 'nnnn');
  assert.equal(pattern.slice(-3), 'wnn');
  const body = pattern.slice(4, -3);
  let digits = '';
  for (let i = 0; i < body.length; i += 10) {
    const chunk = body.slice(i, i + 10);
    const bars = [0, 2, 4, 6, 8].map((j) => chunk[j]).join('');
    const spaces = [1, 3, 5, 7, 9].map((j) => chunk[j]).join('');
    digits += (CODES[bars] ?? '?') + (CODES[spaces] ?? '?');
  }
  return digits;
}

describe('itf25Pattern', () => {
  test('hand-encoded pair "12": bars of 1 interleaved with spaces of 2', () => {
    // 1 = wnnnw (bars), 2 = nwnnw (spaces) → w n, n w, n n, n n, w w
    assert.equal(itf25Pattern('12'), 'nnnn' + 'wnnwnnnnww' + 'wnn');
    // 0 = nnwwn, 9 = nwnwn → n n, n w, w n, w w, n n
    assert.equal(itf25Pattern('09'), 'nnnn' + 'nnnwwnwwnn' + 'wnn');
  });

  test('a boleto barcode gives 227 elements and decodes back', () => {
    const pattern = itf25Pattern(BB_BARCODE);
    assert.equal(pattern.length, 4 + 22 * 10 + 3);
    assert.equal(decode(pattern), BB_BARCODE);
    // two wide elements per digit, plus the wide bar of the stop code
    assert.equal([...pattern].filter((c) => c === 'w').length, 44 * 2 + 1);
  });

  test('rejects odd length, empty and non-digit input', () => {
    assert.throws(() => itf25Pattern('123'), RangeError);
    assert.throws(() => itf25Pattern(''), RangeError);
    assert.throws(() => itf25Pattern('12a4'), RangeError);
  });
});

describe('itf25Bars', () => {
  test('places bars at the right offsets', () => {
    const { bars, totalWidth } = itf25Bars(itf25Pattern('12'), 1, 3);
    // widths: 1 1 1 1 | 3 1 1 3 1 1 1 1 3 3 | 3 1 1 (bars on even positions)
    assert.deepEqual(bars, [
      { x: 0, width: 1 },
      { x: 2, width: 1 },
      { x: 4, width: 3 },
      { x: 8, width: 1 },
      { x: 12, width: 1 },
      { x: 14, width: 1 },
      { x: 16, width: 3 },
      { x: 22, width: 3 },
      { x: 26, width: 1 },
    ]);
    assert.equal(totalWidth, 27);
  });

  test('a boleto barcode is 405 narrow units wide at 1:3 and has 114 bars', () => {
    const { bars, totalWidth } = itf25Bars(itf25Pattern(BB_BARCODE), 1);
    // start 4 + 44 digits × (3 narrow + 2 wide = 9) + stop (3 + 1 + 1)
    assert.equal(totalWidth, 405);
    assert.equal(bars.length, 2 + 22 * 5 + 2);
  });

  test('rejects bad widths and patterns', () => {
    assert.throws(() => itf25Bars('nnnn', 0), RangeError);
    assert.throws(() => itf25Bars('nnnn', 2, 1), RangeError);
    assert.throws(() => itf25Bars('nnxn', 1), RangeError);
  });
});
