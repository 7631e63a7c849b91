import { randomInt } from 'node:crypto';

// Printable ASCII without spaces: the contra-senha travels in URLs, where blanks and trailing
// newlines are a known source of failed logins (wire-formats.md §1.3).
const SHAPE = /^[\x21-\x7e]{8,64}$/;

/** The profile rule: at least 8 characters, mixing letters and digits. Null when valid. */
export function contraSenhaProblem(value: string): string | null {
  if (!SHAPE.test(value)) return 'a contra-senha deve ter de 8 a 64 caracteres visíveis, sem espaços';
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return 'a contra-senha deve misturar letras e números';
  return null;
}

const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;

/** A suggestion for the wizard: 16 unambiguous characters (~90 bits), letters and digits both present. */
export function suggestContraSenha(): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < 16; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
    if (contraSenhaProblem(out) === null) return out;
  }
}
