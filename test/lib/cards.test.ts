import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardBrand, luhnValid, maskCard, normalizeCardNumber } from '../../src/lib/cards.ts';

test('Luhn: known test numbers pass, a changed digit fails', () => {
  for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '6362970000457013']) assert.ok(luhnValid(n), n);
  assert.ok(!luhnValid('4111111111111112'));
  assert.ok(!luhnValid('41111x1111111111'));
});

test('brands from IIN ranges, Elo before Visa/Mastercard', () => {
  assert.equal(cardBrand('4111111111111111'), 'visa');
  assert.equal(cardBrand('5555555555554444'), 'mastercard');
  assert.equal(cardBrand('2223000048400011'), 'mastercard');
  assert.equal(cardBrand('378282246310005'), 'amex');
  assert.equal(cardBrand('6362970000457013'), 'elo');
  assert.equal(cardBrand('4389350000000000'), 'elo');
  assert.equal(cardBrand('6062825624254001'), 'hipercard');
  assert.equal(cardBrand('36490102462661'), 'diners');
  assert.equal(cardBrand('9999999999999995'), 'other');
});

test('normalise: separators allowed, 13..19 digits with a valid check digit', () => {
  assert.equal(normalizeCardNumber('4111 1111-1111 1111'), '4111111111111111');
  assert.equal(normalizeCardNumber('4111111111111112'), null);
  assert.equal(normalizeCardNumber('411111'), null);
  assert.equal(maskCard('411111', '1111'), '411111******1111');
  assert.equal(maskCard('378282', '0005', 15), '378282*****0005');
});
