import { MkError } from '../../http/mk/mk-errors.ts';

/** 005 naming the parameter whose code points at nothing. */
export const unknownCode = (param: string) => new MkError('invalidParam', `Parâmetro inválido: ${param} (código inexistente).`);

export const invalid = (param: string, why: string) => new MkError('invalidParam', `Parâmetro inválido: ${param} (${why}).`);

/** Trims and collapses inner whitespace; blank → 005. */
export function cleanText(value: string, param: string): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) throw invalid(param, 'texto vazio');
  return text;
}

/** `86200-000` / `86.200-000` → `86200000`; anything else → 005. */
export function normalizeCep(value: string, param: string): string {
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{8}$/.test(digits)) throw invalid(param, 'CEP com 8 dígitos');
  return digits;
}

