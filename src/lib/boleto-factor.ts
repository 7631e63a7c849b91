/**
 * FEBRABAN "fator de vencimento": the 4-digit due-date field of a boleto barcode.
 * Factor = days since 1997-10-07 (2000-07-03 = 1000). It reached 9999 on 2025-02-21 and
 * restarted at 1000 on 2025-02-22, so from then on every 9000 days the cycle repeats:
 * a factor f >= 1000 denotes 1997-10-07 + f + k × 9000 days for some k >= 0.
 */

import { addDays, dayNumberToIsoDate, isoDateToDayNumber } from './dates.ts';

export const FACTOR_BASE_DATE = '1997-10-07';
const CYCLE_DAYS = 9000;
const FIRST_CYCLE_START = 1000;
const BASE_DAY = isoDateToDayNumber(FACTOR_BASE_DATE);

/** Due-date factor (1..9999) for a `YYYY-MM-DD` date after 1997-10-07. */
export function dueDateFactor(isoDate: string): number {
  const days = isoDateToDayNumber(isoDate) - BASE_DAY;
  if (days < 1) throw new RangeError(`due date ${isoDate} is not after ${FACTOR_BASE_DATE}`);
  if (days < FIRST_CYCLE_START) return days;
  return ((days - FIRST_CYCLE_START) % CYCLE_DAYS) + FIRST_CYCLE_START;
}

/**
 * Date a factor denotes. The factor alone is ambiguous (every 9000 days), so like the banks
 * we pick the candidate closest to `reference` (normally today); an exact tie goes to the
 * later date. Factors 1..999 only exist in the first cycle (1997–2000).
 */
export function dueDateFromFactor(factor: number, reference: string): string {
  if (!Number.isInteger(factor) || factor < 1 || factor > 9999) {
    throw new RangeError(`due-date factor must be 1..9999, got ${factor}`);
  }
  if (factor < FIRST_CYCLE_START) return addDays(FACTOR_BASE_DATE, factor);
  const refOffset = isoDateToDayNumber(reference) - BASE_DAY;
  const k = Math.max(0, Math.round((refOffset - factor) / CYCLE_DAYS));
  let best = factor + k * CYCLE_DAYS;
  for (const candidate of [best - CYCLE_DAYS, best + CYCLE_DAYS]) {
    if (candidate < factor) continue;
    const distance = Math.abs(candidate - refOffset);
    const bestDistance = Math.abs(best - refOffset);
    if (distance < bestDistance || (distance === bestDistance && candidate > best)) best = candidate;
  }
  return dayNumberToIsoDate(BASE_DAY + best);
}
