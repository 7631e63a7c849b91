import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getBoletoInfo, isValidBoleto } from '@brazilian-utils/brazilian-utils';
import {
  barcodeToLinhaDigitavel,
  buildBarcode,
  buildFreeField,
  formatLinhaDigitavel,
  linhaDigitavelToBarcode,
  parseBoletoCode,
} from '../../src/lib/boleto.ts';
import { boletoGeneralCheckDigit } from '../../src/lib/check-digits.ts';
import { addDays } from '../../src/lib/dates.ts';
import { createRandom } from '../../src/lib/random.ts';

// Banco do Brasil slip used as the example of @brazilian-utils and other boleto libraries:
// bank 001, due 2018-07-15 (factor 7586), R$ 1.026,56.
const BB_LINHA = '00190000090114971860168524522114675860000102656';
const BB_BARCODE = '00196758600001026560000001149718606852452211';

// Our own slip: Itaú code, generic free-field layout, R$ 99,90 due 2026-09-10.
const OUR_FREE_FIELD = '1090001234567812340056789';
const OUR_BARCODE = '34197156500000099901090001234567812340056789';
const OUR_LINHA = '34191090080123456781423400567899715650000009990';

function localDateToIso(date: Date | null): string | null {
  if (date === null) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function replaceDigit(text: string, index: number, digit: string): string {
  return text.slice(0, index) + digit + text.slice(index + 1);
}

describe('published Banco do Brasil vector', () => {
  test('parses the linha digitável', () => {
    assert.equal(isValidBoleto(BB_LINHA), true);
    assert.deepEqual(parseBoletoCode(BB_LINHA, '2018-07-01'), {
      ok: true,
      barcode: BB_BARCODE,
      linhaDigitavel: BB_LINHA,
      bankCode: '001',
      dueDate: '2018-07-15',
      amountCents: 102656,
    });
  });

  test('converts both ways and formats', () => {
    assert.equal(linhaDigitavelToBarcode(BB_LINHA), BB_BARCODE);
    assert.equal(barcodeToLinhaDigitavel(BB_BARCODE), BB_LINHA);
    assert.equal(formatLinhaDigitavel(BB_LINHA), '00190.00009 01149.718601 68524.522114 6 75860000102656');
  });

  test('accepts the formatted and the barcode forms', () => {
    const formatted = parseBoletoCode('00190.00009 01149.718601 68524.522114 6 75860000102656', '2018-07-01');
    const fromBarcode = parseBoletoCode(BB_BARCODE, '2018-07-01');
    assert.equal(formatted.ok && formatted.barcode, BB_BARCODE);
    assert.equal(fromBarcode.ok && fromBarcode.linhaDigitavel, BB_LINHA);
  });
});

describe('building', () => {
  test('buildFreeField: wallet(3) nossoNumero(11) agency(4) account(7)', () => {
    assert.equal(buildFreeField({ wallet: '109', nossoNumero: '12345678', agency: '1234', account: '56789' }), OUR_FREE_FIELD);
    assert.equal(buildFreeField({ wallet: '1', nossoNumero: '1', agency: '1', account: '1' }), '0010000000000100010000001');
    assert.throws(() => buildFreeField({ wallet: '1090', nossoNumero: '1', agency: '1', account: '1' }), RangeError);
    assert.throws(() => buildFreeField({ wallet: '109', nossoNumero: '123456789012', agency: '1', account: '1' }), RangeError);
    assert.throws(() => buildFreeField({ wallet: '109', nossoNumero: '1', agency: '12-3', account: '1' }), RangeError);
    assert.throws(() => buildFreeField({ wallet: '109', nossoNumero: '1', agency: '1', account: '' }), RangeError);
  });

  test('buildBarcode and its linha digitável pass @brazilian-utils', () => {
    const barcode = buildBarcode({ bankCode: '341', dueDate: '2026-09-10', amountCents: 9990, freeField: OUR_FREE_FIELD });
    assert.equal(barcode, OUR_BARCODE);
    assert.equal(barcode.slice(5, 9), '1565');
    assert.equal(barcode.slice(9, 19), '0000009990');
    const linha = barcodeToLinhaDigitavel(barcode);
    assert.equal(linha, OUR_LINHA);
    assert.equal(formatLinhaDigitavel(linha), '34191.09008 01234.567814 23400.567899 7 15650000009990');
    assert.equal(isValidBoleto(linha), true);
    const info = getBoletoInfo(linha, { referenceDate: new Date(2026, 0, 1) });
    assert.equal(info?.amount, 9990);
    assert.equal(info?.bankCode, '341');
    assert.equal(localDateToIso(info?.expirationDate ?? null), '2026-09-10');
  });

  test('no due date writes factor 0000', () => {
    const barcode = buildBarcode({ bankCode: '001', dueDate: null, amountCents: 0, freeField: OUR_FREE_FIELD });
    assert.equal(barcode.slice(5, 19), '00000000000000');
    const parsed = parseBoletoCode(barcode, '2026-09-10');
    assert.equal(parsed.ok && parsed.dueDate, null);
    assert.equal(isValidBoleto(barcodeToLinhaDigitavel(barcode)), true);
  });

  test('maximum amount fills the 10-digit field', () => {
    const barcode = buildBarcode({ bankCode: '237', dueDate: '2026-09-10', amountCents: 9_999_999_999, freeField: OUR_FREE_FIELD });
    assert.equal(barcode.slice(9, 19), '9999999999');
    assert.equal(isValidBoleto(barcodeToLinhaDigitavel(barcode)), true);
  });

  test('validates inputs', () => {
    const ok = { bankCode: '341', dueDate: '2026-09-10', amountCents: 9990, freeField: OUR_FREE_FIELD };
    assert.throws(() => buildBarcode({ ...ok, bankCode: '34' }), RangeError);
    assert.throws(() => buildBarcode({ ...ok, bankCode: '34A' }), RangeError);
    assert.throws(() => buildBarcode({ ...ok, amountCents: 10_000_000_000 }), RangeError);
    assert.throws(() => buildBarcode({ ...ok, amountCents: -1 }), RangeError);
    assert.throws(() => buildBarcode({ ...ok, amountCents: 99.9 }), RangeError);
    assert.throws(() => buildBarcode({ ...ok, freeField: OUR_FREE_FIELD.slice(1) }), RangeError);
    assert.throws(() => buildBarcode({ ...ok, dueDate: '2026-02-30' }), RangeError);
    assert.throws(() => barcodeToLinhaDigitavel(OUR_BARCODE.slice(1)), RangeError);
    assert.throws(() => linhaDigitavelToBarcode(`${OUR_LINHA}0`), RangeError);
    assert.throws(() => formatLinhaDigitavel('123'), RangeError);
  });

  test('random slips agree with @brazilian-utils', () => {
    const r = createRandom(44);
    for (let i = 0; i < 300; i++) {
      const dueDate = addDays('2024-01-01', r.int(0, 3000));
      const amountCents = r.int(1, 9_999_999_999);
      const bankCode = r.digits(3);
      const barcode = buildBarcode({ bankCode, dueDate, amountCents, freeField: r.digits(25) });
      const linha = barcodeToLinhaDigitavel(barcode);
      assert.equal(linhaDigitavelToBarcode(linha), barcode);
      assert.equal(isValidBoleto(linha), true, linha);
      const reference = addDays(dueDate, r.int(-1000, 1000));
      const info = getBoletoInfo(linha, { referenceDate: new Date(`${reference}T12:00:00`) });
      assert.equal(info?.amount, amountCents);
      assert.equal(localDateToIso(info?.expirationDate ?? null), dueDate);
      assert.deepEqual(parseBoletoCode(linha, reference), { ok: true, barcode, linhaDigitavel: linha, bankCode, dueDate, amountCents });
    }
  });
});

describe('parseBoletoCode rejections', () => {
  test('a flipped digit in each field of the linha is a check-digit error', () => {
    // field 1 (bank), field 2, field 3, field 4 (general DV), field 5 (factor) and field 5 (amount)
    for (const index of [1, 12, 25, 32, 35, 46]) {
      const original = OUR_LINHA[index];
      const flipped = replaceDigit(OUR_LINHA, index, original === '5' ? '6' : '5');
      assert.deepEqual(parseBoletoCode(flipped, '2026-09-01'), { ok: false, reason: 'check_digit' }, `position ${index}`);
      assert.equal(isValidBoleto(flipped), false);
    }
  });

  test('every substitution in fields 1–4 is caught (mod 10 catches all single-digit errors)', () => {
    for (let index = 0; index <= 32; index++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === OUR_LINHA[index]) continue;
        const result = parseBoletoCode(replaceDigit(OUR_LINHA, index, String(d)), '2026-09-01');
        assert.equal(result.ok, false, `position ${index} digit ${d}`);
      }
    }
  });

  test('for every single-digit substitution we agree with @brazilian-utils', () => {
    let detected = 0;
    let total = 0;
    for (const linha of [OUR_LINHA, BB_LINHA]) {
      for (let index = 0; index < 47; index++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === linha[index]) continue;
          const mutated = replaceDigit(linha, index, String(d));
          const ours = parseBoletoCode(mutated, '2026-09-01').ok;
          assert.equal(ours, isValidBoleto(mutated), mutated);
          total++;
          if (!ours) detected++;
        }
      }
    }
    // mod 11 maps remainders 0 and 1 to the same DV, so a few field-5 errors slip through
    assert.ok(detected / total > 0.97, `${detected}/${total}`);
  });

  test('a flipped barcode digit fails the general DV', () => {
    assert.deepEqual(parseBoletoCode(replaceDigit(OUR_BARCODE, 20, '5'), '2026-09-01'), { ok: false, reason: 'check_digit' });
    assert.deepEqual(parseBoletoCode(replaceDigit(OUR_BARCODE, 4, '3'), '2026-09-01'), { ok: false, reason: 'check_digit' });
  });

  test('a currency code other than 9 is a format error', () => {
    const body = `3410${OUR_BARCODE.slice(5)}`;
    const barcode = `${body.slice(0, 4)}${boletoGeneralCheckDigit(body)}${body.slice(4)}`;
    assert.deepEqual(parseBoletoCode(barcode, '2026-09-01'), { ok: false, reason: 'format' });
  });

  test('wrong lengths and characters are format errors', () => {
    for (const bad of ['', 'abc', OUR_LINHA.slice(1), `${OUR_LINHA}1`, OUR_BARCODE.slice(1), `${OUR_BARCODE.slice(0, 43)}X`]) {
      assert.deepEqual(parseBoletoCode(bad, '2026-09-01'), { ok: false, reason: 'format' }, bad);
    }
  });
});
