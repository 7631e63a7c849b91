import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { boletoGeneralCheckDigit, mod10, mod11WeightedSum } from '../../src/lib/check-digits.ts';

describe('mod10 (FEBRABAN)', () => {
  test('matches the field DVs of a published Banco do Brasil linha digitável', () => {
    // 00190.00009 01149.718601 68524.522114 6 75860000102656
    assert.equal(mod10('001900000'), 9);
    assert.equal(mod10('0114971860'), 1);
    assert.equal(mod10('6852452211'), 4);
  });

  test('hand-computed vectors', () => {
    // from the right: 9×2=18→9, 9×1=9, 7×2=14→5; 23 → 10 - 3
    assert.equal(mod10('799'), 7);
    assert.equal(mod10('0'), 0);
    assert.equal(mod10('5'), 9); // 5×2 = 10 → 1 → 10 - 1
    assert.equal(mod10('91'), 9); // 1×2 + 9×1 = 11 → 10 - 1
    assert.equal(mod10('55'), 4); // 5×2=10→1, 5×1=5; 6 → 10 - 6
  });

  test('rejects non-digits', () => {
    assert.throws(() => mod10('12a'), RangeError);
    assert.throws(() => mod10(''), RangeError);
  });
});

describe('mod11', () => {
  test('weighted sum cycles weights 2..9 from the right', () => {
    // 3×2 + 3×3 + 5×4 + 1×5 + 6×6 + 2×7
    assert.equal(mod11WeightedSum('261533'), 90);
    // ten ones: weights 2..9 then 2, 3 again
    assert.equal(mod11WeightedSum('1111111111'), 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 2 + 3);
    assert.equal(mod11WeightedSum('1111111111', 7), 2 + 3 + 4 + 5 + 6 + 7 + 2 + 3 + 4 + 5);
  });

  test('boleto general DV of the published Banco do Brasil barcode is 6', () => {
    const barcode = '00196758600001026560000001149718606852452211';
    assert.equal(boletoGeneralCheckDigit(barcode.slice(0, 4) + barcode.slice(5)), 6);
  });

  test('remainders 0 and 1 both map to DV 1', () => {
    // 43 zeros: sum 0, remainder 0 → 11 → 1
    assert.equal(boletoGeneralCheckDigit('0'.repeat(43)), 1);
    // a single 1 at weight 6 (5th from the right): sum 6 → 11 - 6 = 5
    assert.equal(boletoGeneralCheckDigit(`${'0'.repeat(38)}10000`), 5);
    // 1×6 + 3×2 = 12 → remainder 1 → 10 → 1
    assert.equal(boletoGeneralCheckDigit(`${'0'.repeat(38)}10003`), 1);
    // 1×6 + 2×2 = 10 → remainder 10 → 1
    assert.equal(boletoGeneralCheckDigit(`${'0'.repeat(38)}10002`), 1);
    // 1×6 + 1×2 = 8 → 3
    assert.equal(boletoGeneralCheckDigit(`${'0'.repeat(38)}10001`), 3);
  });

  test('general DV requires exactly 43 digits', () => {
    assert.throws(() => boletoGeneralCheckDigit('1'.repeat(44)), RangeError);
  });
});
