// Normalisation and checks of the person fields both creation endpoints share.
import { MkError } from '../../http/mk/mk-errors.ts';
import type { ClassifiedDocument } from '../../lib/documents.ts';
import { invalid } from '../addresses/address-input.ts';

export type PersonType = 'individual' | 'company' | 'pre_registration';
export const PERSON_TYPES: Record<string, PersonType> = { '1': 'individual', '2': 'company', '3': 'pre_registration' };

/** `(43) 99999-0000`, `+55 43 …` → `43999990000`; the result must be DDD + 8/9 digits. */
export function normalizePhone(value: string, param: string): string {
  let digits = value.replace(/\D/g, '');
  if (digits.length >= 12 && digits.startsWith('55')) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = digits.slice(1);
  if (!/^[1-9][0-9]{9,10}$/.test(digits)) throw invalid(param, 'DDD + número, só dígitos');
  return digits;
}

export function normalizeEmail(value: string, param: string): string {
  const email = value.trim();
  if (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid(param, 'e-mail inválido');
  return email;
}

/** PF needs a CPF, PJ a CNPJ; a pre-registration takes either. Default: what the document is. */
export function personTypeFor(doc: ClassifiedDocument, code: string | undefined, typeParam: string): PersonType {
  const type = code === undefined ? (doc.kind === 'cpf' ? 'individual' : 'company') : PERSON_TYPES[code];
  if (!type) throw invalid(typeParam, 'use 1, 2 ou 3');
  if (type === 'individual' && doc.kind !== 'cpf') throw invalid(typeParam, 'pessoa física exige CPF');
  if (type === 'company' && doc.kind !== 'cnpj') throw invalid(typeParam, 'pessoa jurídica exige CNPJ');
  return type;
}

export function assertBirthDate(isoDate: string, today: string, param: string): void {
  if (isoDate < '1900-01-01' || isoDate > today) throw invalid(param, 'data fora do intervalo aceito');
}

export const duplicateDocument = () => new MkError('duplicate', 'Registro já cadastrado: já existe cliente com este documento.');
