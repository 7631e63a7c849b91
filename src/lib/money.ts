/**
 * Money is an integer number of centavos everywhere inside the system; these helpers
 * convert at the edges (display, JSON, user input) and do percentage maths in integers.
 */

function assertCents(cents: number, what = 'cents'): void {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`${what} must be a safe integer, got ${cents}`);
  }
}

function groupThousands(integerPart: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 123456 → `R$ 1.234,56`; -100 → `-R$ 1,00`. Plain ASCII space, unlike Intl's NBSP. */
export function formatBrl(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const reais = Math.floor(abs / 100);
  const centavos = String(abs % 100).padStart(2, '0');
  return `${sign}R$ ${groupThousands(String(reais))},${centavos}`;
}

/** 123456 → `1.234,56` (no currency symbol), for tables and PDFs. */
export function formatDecimalBr(cents: number): string {
  return formatBrl(cents).replace('R$ ', '');
}

/** 9990 → 99.9: a JSON number with dot decimal, as the MK webservices return values. */
export function centsToDecimal(cents: number): number {
  assertCents(cents);
  return cents / 100;
}

/**
 * 99.9 → 9990. Rounds to the nearest centavo (half away from zero) after absorbing
 * binary noise such as 1.005 * 100 = 100.49999…; returns null for non-finite input.
 */
export function decimalToCents(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Number((Math.abs(value) * 100).toFixed(4));
  const cents = Math.sign(value) * Math.round(scaled);
  if (!Number.isSafeInteger(cents)) return null;
  return cents === 0 ? 0 : cents;
}

const PLAIN = /^(\d+)(?:[.,](\d{1,2}))?$/;
const GROUPED_DOT = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;
const GROUPED_COMMA = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/**
 * Parses user or MK-style money text into centavos. Accepts `100`, `99.90`, `99,90`,
 * `1234.5`, `1.234,56`, `1,234.56`, `1.234.567`, with an optional `R$` prefix.
 * Returns null for garbage, negatives, or more than 2 decimals. A lone separator
 * followed by three digits (`1.234`) is read as a decimal and so rejected as ambiguous.
 */
export function parseMoneyToCents(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^R\$\s*/i, '')
    .trim();
  const match = PLAIN.exec(cleaned) ?? GROUPED_DOT.exec(cleaned) ?? GROUPED_COMMA.exec(cleaned);
  if (!match) return null;
  const integerPart = match[1] ?? '';
  const separators = integerPart.replace(/\d/g, '').length;
  // `1.234` / `99,999` alone could be a 3-decimal number: ambiguous, so refuse it.
  if (separators === 1 && match[2] === undefined) return null;
  const integerDigits = integerPart.replace(/[.,]/g, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const cents = Number(integerDigits) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Integer division rounding half away from zero (the usual "round half up" for money). */
function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`result ${value} is out of the safe integer range`);
  return n;
}

/**
 * cents × basisPoints / 10 000, rounded half up. 1 basis point = 0.01 %, so a 2 % fine
 * is 200 and a 10 % discount is 1000: `applyPercent(9990, 200)` → 200.
 */
export function applyPercent(cents: number, basisPoints: number): number {
  assertCents(cents);
  assertCents(basisPoints, 'basisPoints');
  return toSafeNumber(divRoundHalfUp(BigInt(cents) * BigInt(basisPoints), 10_000n));
}

/** Amount after a percentage discount, never below zero. */
export function applyDiscount(cents: number, basisPoints: number): number {
  return Math.max(0, cents - applyPercent(cents, basisPoints));
}

/**
 * Simple pro-rata interest: cents × monthlyBasisPoints × days / (30 × 10 000), rounded
 * half up. Brazilian billing convention is 1 % a month counted per day on a 30-day month.
 */
export function proRataInterest(cents: number, monthlyBasisPoints: number, days: number): number {
  assertCents(cents);
  assertCents(monthlyBasisPoints, 'monthlyBasisPoints');
  assertCents(days, 'days');
  if (days <= 0) return 0;
  const numerator = BigInt(cents) * BigInt(monthlyBasisPoints) * BigInt(days);
  return toSafeNumber(divRoundHalfUp(numerator, 300_000n));
}

/**
 * Splits a total into `parts` integer amounts that add up exactly; the leftover centavos
 * go to the first parts (10000 in 3 → 3334, 3333, 3333).
 */
export function splitCents(totalCents: number, parts: number): number[] {
  assertCents(totalCents);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`parts must be >= 1, got ${parts}`);
  const negative = totalCents < 0;
  const abs = Math.abs(totalCents);
  const base = Math.floor(abs / parts);
  const remainder = abs - base * parts;
  return Array.from({ length: parts }, (_, i) => {
    const share = base + (i < remainder ? 1 : 0);
    return negative && share !== 0 ? -share : share;
  });
}
