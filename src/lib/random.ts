/**
 * Seeded pseudo-random numbers for reproducible demo data (mulberry32: tiny, fast, and
 * good enough for fixtures; never use it for secrets).
 */

import { cnpjWithCheckDigits, cpfWithCheckDigits } from './documents.ts';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p (0..1). */
  chance(p: number): boolean;
  /** n random decimal digits (leading zeros possible). */
  digits(n: number): string;
  /** n characters drawn from the alphabet. */
  chars(n: number, alphabet: string): string;
  /** A new shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(min, max) needs integers with min <= max, got ${min}, ${max}`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const chars = (n: number, alphabet: string): string => {
    if (alphabet.length === 0) throw new RangeError('alphabet is empty');
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[int(0, alphabet.length - 1)];
    return out;
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty array');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (p) => next() < p,
    digits: (n) => chars(n, '0123456789'),
    chars,
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}

function isRepeated(base: string): boolean {
  return base.split('').every((c) => c === base[0]);
}

/** A valid CPF (11 digits, unformatted). */
export function randomCpf(r: Random): string {
  let base = r.digits(9);
  while (isRepeated(base)) base = r.digits(9);
  return cpfWithCheckDigits(base);
}

const CNPJ_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A valid CNPJ (14 characters, unformatted) with branch 0001 (the head office). With
 * `alphanumeric`, the 8-character root uses [0-9A-Z] like the CNPJs issued from July 2026.
 */
export function randomCnpj(r: Random, options: { alphanumeric?: boolean } = {}): string {
  const alphabet = options.alphanumeric ? CNPJ_ALPHABET : '0123456789';
  let root = r.chars(8, alphabet);
  while (isRepeated(root)) root = r.chars(8, alphabet);
  return cnpjWithCheckDigits(`${root}0001`);
}
