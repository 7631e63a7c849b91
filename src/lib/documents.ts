/**
 * CPF and CNPJ: normalisation, validation, check-digit generation and formatting.
 * CNPJ supports the alphanumeric format the Receita Federal issues from July 2026:
 * the 12-character base may hold [0-9A-Z], the two check digits stay numeric.
 */

const SEPARATORS = /[.\-/\s]/g;
const CPF_SHAPE = /^\d{11}$/;
const CNPJ_SHAPE = /^[0-9A-Z]{12}\d{2}$/;
const CPF_BASE = /^\d{9}$/;
const CNPJ_BASE = /^[0-9A-Z]{12}$/;

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

export type DocumentKind = 'cpf' | 'cnpj';
export interface ClassifiedDocument {
  kind: DocumentKind;
  value: string;
}

/** Trims, drops `.`, `-`, `/` and whitespace, and uppercases letters. */
export function normalizeDocument(input: string): string {
  return input.trim().replace(SEPARATORS, '').toUpperCase();
}

function allSameChar(value: string): boolean {
  return value.split('').every((c) => c === value[0]);
}

/** Both CPF and CNPJ: remainder < 2 gives 0, otherwise 11 - remainder. */
function dvFromSum(sum: number): number {
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function cpfDigit(base: string): number {
  // Weights run from base.length + 1 down to 2 (10..2 for the first DV, 11..2 for the second).
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    sum += (base.charCodeAt(i) - 48) * (base.length + 1 - i);
  }
  return dvFromSum(sum);
}

// Alphanumeric CNPJ: each character is worth charCode - 48, so '0'..'9' keep their
// value and 'A'..'Z' are 17..42 (Receita Federal, "Cálculo do DV do CNPJ alfanumérico").
function cnpjDigit(base: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    sum += (base.charCodeAt(i) - 48) * (weights[i] ?? 0);
  }
  return dvFromSum(sum);
}

/** Appends the two check digits to a 9-digit CPF base. */
export function cpfWithCheckDigits(base9: string): string {
  const base = normalizeDocument(base9);
  if (!CPF_BASE.test(base)) throw new RangeError(`CPF base must be 9 digits, got "${base9}"`);
  const first = cpfDigit(base);
  const second = cpfDigit(base + first);
  return `${base}${first}${second}`;
}

/** Appends the two check digits to a 12-character (numeric or alphanumeric) CNPJ base. */
export function cnpjWithCheckDigits(base12: string): string {
  const base = normalizeDocument(base12);
  if (!CNPJ_BASE.test(base)) {
    throw new RangeError(`CNPJ base must be 12 characters of [0-9A-Z], got "${base12}"`);
  }
  const first = cnpjDigit(base, CNPJ_WEIGHTS_1);
  const second = cnpjDigit(base + first, CNPJ_WEIGHTS_2);
  return `${base}${first}${second}`;
}

export function isValidCpf(value: string): boolean {
  const cpf = normalizeDocument(value);
  if (!CPF_SHAPE.test(cpf) || allSameChar(cpf)) return false;
  return cpfWithCheckDigits(cpf.slice(0, 9)) === cpf;
}

export function isValidCnpj(value: string): boolean {
  const cnpj = normalizeDocument(value);
  if (!CNPJ_SHAPE.test(cnpj) || allSameChar(cnpj)) return false;
  return cnpjWithCheckDigits(cnpj.slice(0, 12)) === cnpj;
}

/** Normalises and validates; returns which document it is, or null when neither is valid. */
export function classifyDocument(input: string): ClassifiedDocument | null {
  const value = normalizeDocument(input);
  if (value.length === 11 && isValidCpf(value)) return { kind: 'cpf', value };
  if (value.length === 14 && isValidCnpj(value)) return { kind: 'cnpj', value };
  return null;
}

/** `52998224725` → `529.982.247-25`; anything that is not 11 digits is returned trimmed, unchanged. */
export function formatCpf(value: string): string {
  const cpf = normalizeDocument(value);
  if (!CPF_SHAPE.test(cpf)) return value.trim();
  return `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`;
}

/** `11222333000181` → `11.222.333/0001-81` (alphanumeric too); other shapes returned trimmed. */
export function formatCnpj(value: string): string {
  const cnpj = normalizeDocument(value);
  if (!CNPJ_SHAPE.test(cnpj)) return value.trim();
  return `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`;
}

/** Formats as CPF or CNPJ depending on the normalised length (validity is not required). */
export function formatDocument(value: string): string {
  const normalized = normalizeDocument(value);
  if (CPF_SHAPE.test(normalized)) return formatCpf(normalized);
  if (CNPJ_SHAPE.test(normalized)) return formatCnpj(normalized);
  return value.trim();
}
