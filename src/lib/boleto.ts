/**
 * FEBRABAN boleto de cobrança (bank collection slips; not concessionária/arrecadação).
 *
 * Barcode, 44 digits:
 *   [0-2] bank  [3] currency '9'  [4] general DV  [5-8] due factor  [9-18] amount (centavos)
 *   [19-43] free field (bank specific, 25 digits)
 * Linha digitável, 47 digits, five fields:
 *   1: bank + currency + free[0-4] + DV10   2: free[5-14] + DV10   3: free[15-24] + DV10
 *   4: general DV                          5: factor + amount
 */

import { dueDateFactor, dueDateFromFactor } from './boleto-factor.ts';
import { boletoGeneralCheckDigit, mod10 } from './check-digits.ts';

export { dueDateFactor, dueDateFromFactor, FACTOR_BASE_DATE } from './boleto-factor.ts';
export { itf25Bars, itf25Pattern } from './itf25.ts';

export const CURRENCY_REAL = '9';
export const MAX_BOLETO_AMOUNT_CENTS = 9_999_999_999;

export interface BarcodeParams {
  bankCode: string;
  /** `YYYY-MM-DD`; null writes factor 0000 ("sem vencimento"). */
  dueDate: string | null;
  amountCents: number;
  freeField: string;
}

export interface FreeFieldParams {
  agency: string;
  account: string;
  wallet: string;
  nossoNumero: string;
}

export type ParsedBoleto =
  | {
      ok: true;
      barcode: string;
      linhaDigitavel: string;
      bankCode: string;
      dueDate: string | null;
      amountCents: number;
    }
  | { ok: false; reason: 'format' | 'check_digit' };

function requireDigits(value: string, length: number, what: string): void {
  if (value.length !== length || !/^\d+$/.test(value)) {
    throw new RangeError(`${what} must be ${length} digits, got "${value}"`);
  }
}

function padDigits(value: string, length: number, what: string): string {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || trimmed.length > length) {
    throw new RangeError(`${what} must be 1 to ${length} digits, got "${value}"`);
  }
  return trimmed.padStart(length, '0');
}

/** Inserts the general DV at position 5 of a 43-digit barcode body. */
function withGeneralDv(body43: string): string {
  const dv = boletoGeneralCheckDigit(body43);
  return `${body43.slice(0, 4)}${dv}${body43.slice(4)}`;
}

export function buildBarcode(p: BarcodeParams): string {
  requireDigits(p.bankCode, 3, 'bankCode');
  requireDigits(p.freeField, 25, 'freeField');
  if (!Number.isSafeInteger(p.amountCents) || p.amountCents < 0 || p.amountCents > MAX_BOLETO_AMOUNT_CENTS) {
    throw new RangeError(`amountCents must be an integer 0..${MAX_BOLETO_AMOUNT_CENTS}, got ${p.amountCents}`);
  }
  const factor = p.dueDate === null ? '0000' : String(dueDateFactor(p.dueDate)).padStart(4, '0');
  const amount = String(p.amountCents).padStart(10, '0');
  return withGeneralDv(`${p.bankCode}${CURRENCY_REAL}${factor}${amount}${p.freeField}`);
}

/**
 * Our own generic 25-digit free-field layout (each real bank defines its own; use this
 * for any bank whose own layout this module does not carry):
 *   [0-2]   wallet (carteira), zero-padded to 3
 *   [3-13]  nosso número, zero-padded to 11
 *   [14-17] agency, zero-padded to 4
 *   [18-24] account, zero-padded to 7
 */
export function buildFreeField(p: FreeFieldParams): string {
  return (
    padDigits(p.wallet, 3, 'wallet') +
    padDigits(p.nossoNumero, 11, 'nossoNumero') +
    padDigits(p.agency, 4, 'agency') +
    padDigits(p.account, 7, 'account')
  );
}

function withMod10(digits: string): string {
  return digits + mod10(digits);
}

export function barcodeToLinhaDigitavel(barcode: string): string {
  requireDigits(barcode, 44, 'barcode');
  const free = barcode.slice(19);
  return (
    withMod10(barcode.slice(0, 4) + free.slice(0, 5)) +
    withMod10(free.slice(5, 15)) +
    withMod10(free.slice(15, 25)) +
    barcode.slice(4, 5) +
    barcode.slice(5, 19)
  );
}

/** Rearranges the 47 digits back into the barcode; does not verify check digits. */
export function linhaDigitavelToBarcode(linha: string): string {
  requireDigits(linha, 47, 'linha digitável');
  return (
    linha.slice(0, 4) + // bank + currency
    linha.slice(32, 33) + // general DV
    linha.slice(33, 47) + // factor + amount
    linha.slice(4, 9) +
    linha.slice(10, 20) +
    linha.slice(21, 31)
  );
}

/** `AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE` */
export function formatLinhaDigitavel(linha47: string): string {
  requireDigits(linha47, 47, 'linha digitável');
  const l = linha47;
  return (
    `${l.slice(0, 5)}.${l.slice(5, 10)} ${l.slice(10, 15)}.${l.slice(15, 21)} ` +
    `${l.slice(21, 26)}.${l.slice(26, 32)} ${l.slice(32, 33)} ${l.slice(33)}`
  );
}

const LINHA_FIELDS = [
  [0, 9],
  [10, 20],
  [21, 31],
] as const;

function linhaFieldDvsOk(linha: string): boolean {
  return LINHA_FIELDS.every(([start, end]) => mod10(linha.slice(start, end)) === linha.charCodeAt(end) - 48);
}

function barcodeDvOk(barcode: string): boolean {
  const body = barcode.slice(0, 4) + barcode.slice(5);
  return boletoGeneralCheckDigit(body) === barcode.charCodeAt(4) - 48;
}

/**
 * Reads a barcode (44 digits) or linha digitável (47), with or without dots, spaces or
 * hyphens, and verifies every check digit. `referenceDate` (today, `YYYY-MM-DD`) resolves
 * the due-date factor cycle; factor 0000 means no due date.
 */
export function parseBoletoCode(input: string, referenceDate: string): ParsedBoleto {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits) || (digits.length !== 44 && digits.length !== 47)) {
    return { ok: false, reason: 'format' };
  }
  let barcode = digits;
  if (digits.length === 47) {
    if (!linhaFieldDvsOk(digits)) return { ok: false, reason: 'check_digit' };
    barcode = linhaDigitavelToBarcode(digits);
  }
  if (barcode[3] !== CURRENCY_REAL) return { ok: false, reason: 'format' };
  if (!barcodeDvOk(barcode)) return { ok: false, reason: 'check_digit' };
  const factor = Number(barcode.slice(5, 9));
  return {
    ok: true,
    barcode,
    linhaDigitavel: barcodeToLinhaDigitavel(barcode),
    bankCode: barcode.slice(0, 3),
    dueDate: factor === 0 ? null : dueDateFromFactor(factor, referenceDate),
    amountCents: Number(barcode.slice(9, 19)),
  };
}
