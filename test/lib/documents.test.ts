import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isValidCNPJ, isValidCPF } from '@brazilian-utils/brazilian-utils';
import {
  classifyDocument,
  cnpjWithCheckDigits,
  cpfWithCheckDigits,
  formatCnpj,
  formatCpf,
  formatDocument,
  isValidCnpj,
  isValidCpf,
  normalizeDocument,
} from '../../src/lib/documents.ts';
import { createRandom } from '../../src/lib/random.ts';

describe('normalizeDocument', () => {
  test('strips dots, hyphens, slashes and spaces, uppercases letters', () => {
    assert.equal(normalizeDocument(' 529.982.247-25 '), '52998224725');
    assert.equal(normalizeDocument('11.222.333/0001-81'), '11222333000181');
    assert.equal(normalizeDocument('12.abc.345/01de-35'), '12ABC34501DE35');
    assert.equal(normalizeDocument('529 982 247\t25'), '52998224725');
  });
});

describe('CPF', () => {
  test('known vectors', () => {
    assert.equal(isValidCpf('529.982.247-25'), true);
    assert.equal(isValidCpf('52998224725'), true);
    assert.equal(isValidCpf('529.982.247-24'), false);
    assert.equal(isValidCpf('111.111.111-11'), false);
    assert.equal(isValidCpf('000.000.000-00'), false);
  });

  test('rejects wrong lengths and non-digits', () => {
    assert.equal(isValidCpf('5299822472'), false);
    assert.equal(isValidCpf('529982247250'), false);
    assert.equal(isValidCpf('52998224A25'), false);
    assert.equal(isValidCpf(''), false);
  });

  test('cpfWithCheckDigits appends both DVs', () => {
    assert.equal(cpfWithCheckDigits('529982247'), '52998224725');
    assert.equal(cpfWithCheckDigits('529.982.247'), '52998224725');
    // 123.456.789-09 is the textbook example
    assert.equal(cpfWithCheckDigits('123456789'), '12345678909');
    assert.throws(() => cpfWithCheckDigits('12345678'), RangeError);
    assert.throws(() => cpfWithCheckDigits('12345678A'), RangeError);
  });

  test('agrees with @brazilian-utils on generated and mutated CPFs', () => {
    const r = createRandom(2024);
    for (let i = 0; i < 300; i++) {
      const cpf = cpfWithCheckDigits(r.digits(9));
      assert.equal(isValidCpf(cpf), isValidCPF(cpf), cpf);
      const pos = r.int(0, 10);
      const other = String((Number(cpf[pos]) + r.int(1, 9)) % 10);
      const mutated = cpf.slice(0, pos) + other + cpf.slice(pos + 1);
      assert.equal(isValidCpf(mutated), false, mutated);
      assert.equal(isValidCPF(mutated), false, mutated);
    }
  });
});

describe('CNPJ', () => {
  test('known numeric vectors', () => {
    assert.equal(isValidCnpj('11.222.333/0001-81'), true);
    assert.equal(isValidCnpj('11222333000181'), true);
    assert.equal(isValidCnpj('11.222.333/0001-82'), false);
    assert.equal(isValidCnpj('00.000.000/0000-00'), false);
    assert.equal(isValidCnpj('1122233300018'), false);
  });

  test('Receita Federal alphanumeric example 12.ABC.345/01DE-35', () => {
    assert.equal(cnpjWithCheckDigits('12ABC34501DE'), '12ABC34501DE35');
    assert.equal(isValidCnpj('12.ABC.345/01DE-35'), true);
    assert.equal(isValidCnpj('12.abc.345/01de-35'), true);
    assert.equal(isValidCnpj('12.ABC.345/01DE-36'), false);
    assert.equal(isValidCnpj('12.ABD.345/01DE-35'), false);
  });

  test('alphanumeric example from @brazilian-utils docs validates here too', () => {
    assert.equal(isValidCnpj('Q0.SLF.MBD/7VX4-39'), true);
  });

  test('check digits must be numeric, base must be [0-9A-Z]', () => {
    assert.equal(isValidCnpj('12ABC34501DE3A'), false);
    assert.equal(isValidCnpj('12ABC34501D#35'), false);
    assert.throws(() => cnpjWithCheckDigits('12ABC34501D'), RangeError);
    assert.throws(() => cnpjWithCheckDigits('12ABC34501DÉ'), RangeError);
  });

  test('cnpjWithCheckDigits for numeric bases', () => {
    assert.equal(cnpjWithCheckDigits('112223330001'), '11222333000181');
  });

  test('agrees with @brazilian-utils on numeric and alphanumeric CNPJs', () => {
    const r = createRandom(77);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < 300; i++) {
      const numeric = cnpjWithCheckDigits(r.digits(12));
      assert.equal(isValidCNPJ(numeric), true, numeric);
      assert.equal(isValidCnpj(numeric), true, numeric);
      const alnum = cnpjWithCheckDigits(r.chars(12, alphabet));
      assert.equal(isValidCNPJ(alnum, { version: 2 }), true, alnum);
      assert.equal(isValidCnpj(alnum), true, alnum);
      const bad = `${alnum.slice(0, 12)}${(Number(alnum[12]) + 1) % 10}${alnum[13]}`;
      assert.equal(isValidCnpj(bad), false, bad);
      assert.equal(isValidCNPJ(bad, { version: 2 }), false, bad);
    }
  });
});

describe('classifyDocument', () => {
  test('classifies valid CPF and CNPJ, normalised', () => {
    assert.deepEqual(classifyDocument(' 529.982.247-25 '), { kind: 'cpf', value: '52998224725' });
    assert.deepEqual(classifyDocument('11.222.333/0001-81'), { kind: 'cnpj', value: '11222333000181' });
    assert.deepEqual(classifyDocument('12.abc.345/01de-35'), { kind: 'cnpj', value: '12ABC34501DE35' });
  });

  test('null when neither is valid', () => {
    assert.equal(classifyDocument('529.982.247-24'), null);
    assert.equal(classifyDocument('11.222.333/0001-80'), null);
    assert.equal(classifyDocument('hello'), null);
    assert.equal(classifyDocument(''), null);
  });
});

describe('formatting', () => {
  test('formatCpf', () => {
    assert.equal(formatCpf('52998224725'), '529.982.247-25');
    assert.equal(formatCpf('529.982.247-25'), '529.982.247-25');
    assert.equal(formatCpf(' 1234 '), '1234');
  });

  test('formatCnpj', () => {
    assert.equal(formatCnpj('11222333000181'), '11.222.333/0001-81');
    assert.equal(formatCnpj('12abc34501de35'), '12.ABC.345/01DE-35');
    assert.equal(formatCnpj('123'), '123');
  });

  test('formatDocument picks the mask by length', () => {
    assert.equal(formatDocument('52998224725'), '529.982.247-25');
    assert.equal(formatDocument('11222333000181'), '11.222.333/0001-81');
    assert.equal(formatDocument('12ABC34501DE35'), '12.ABC.345/01DE-35');
    assert.equal(formatDocument(' 12345 '), '12345');
  });
});
