/** Check-digit algorithms shared by boletos (FEBRABAN) and other Brazilian codes. */

const DIGITS_ONLY = /^\d+$/;

function assertDigits(value: string, what: string): void {
  if (!DIGITS_ONLY.test(value)) {
    throw new RangeError(`${what} must contain only digits, got "${value}"`);
  }
}

/**
 * FEBRABAN módulo 10: multiply the digits by 2, 1, 2, 1… from the right, add the
 * digits of each product (e.g. 16 → 1 + 6), DV = (10 - sum mod 10) mod 10.
 * Used for fields 1 to 3 of the linha digitável.
 */
export function mod10(digits: string): number {
  assertDigits(digits, 'mod10 input');
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    const product = (digits.charCodeAt(i) - 48) * weight;
    sum += product > 9 ? product - 9 : product;
    weight = weight === 2 ? 1 : 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Sum of digits times weights cycling 2, 3, … maxWeight from the rightmost digit. */
export function mod11WeightedSum(digits: string, maxWeight = 9): number {
  assertDigits(digits, 'mod11 input');
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = weight === maxWeight ? 2 : weight + 1;
  }
  return sum;
}

/**
 * General check digit of the 44-digit boleto barcode (position 5), computed over the
 * other 43 digits: weights 2..9 from the right, DV = 11 - (sum mod 11), and the
 * results 10 and 11 (remainders 1 and 0) become 1, so a barcode DV is never 0.
 */
export function boletoGeneralCheckDigit(digits43: string): number {
  if (digits43.length !== 43) {
    throw new RangeError(`boleto general DV needs 43 digits, got ${digits43.length}`);
  }
  const dv = 11 - (mod11WeightedSum(digits43) % 11);
  return dv >= 10 ? 1 : dv;
}
