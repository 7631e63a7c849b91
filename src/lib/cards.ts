/** Payment-card number checks: Luhn check digit and the brand from the IIN ranges. */

export type CardBrand = 'visa' | 'mastercard' | 'elo' | 'amex' | 'hipercard' | 'diners' | 'other';

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Elo's ranges overlap Visa/Mastercard prefixes, so they are tested first.
const ELO = /^(4011(78|79)|43(1274|8935)|45(1416|7393|763[12])|50(4175|6699|67[0-7]\d|9\d{3})|627780|63(6297|6368)|650(0(3[1-3]|[4-9]\d)|4[0-3]\d|48[5-9]|49\d|5[0-2]\d|5[3-9]\d)|6516(5[2-9]|[6-7]\d)|6550([0-1]\d|2[1-9]|[3-4]\d|5[0-8]))/;

export function cardBrand(digits: string): CardBrand {
  if (ELO.test(digits)) return 'elo';
  if (/^(606282|3841)/.test(digits)) return 'hipercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^3(0[0-5]|[68])/.test(digits)) return 'diners';
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'mastercard';
  return 'other';
}

/** Digits of a typed card number (spaces and dashes allowed); null when it cannot be a card. */
export function normalizeCardNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{13,19}$/.test(digits) && luhnValid(digits) ? digits : null;
}

export const maskCard = (first6: string, last4: string, length = 16): string => `${first6}${'*'.repeat(Math.max(0, length - 10))}${last4}`;
