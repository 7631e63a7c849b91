/**
 * Charges on an overdue invoice: a one-off fine (multa) plus simple pro-rata interest
 * (juros de mora) per day late. Brazilian consumer law caps the fine at 2 % (200 bp) and
 * interest is typically 1 % a month (100 bp); both are parameters here.
 */

import { daysBetween } from './dates.ts';
import { applyPercent, proRataInterest } from './money.ts';

export interface LateChargesInput {
  amountCents: number;
  dueDate: string;
  /** Date of payment (or today, for an updated second copy). */
  paymentDate: string;
  fineBasisPoints: number;
  monthlyInterestBasisPoints: number;
  /** Days after the due date with no charges at all (default 0). */
  graceDays?: number;
}

export interface LateCharges {
  daysLate: number;
  fineCents: number;
  interestCents: number;
  totalCents: number;
}

/**
 * Paying on or before the due date (or within the grace days) costs nothing extra. Once
 * late, interest counts every day since the due date, grace days included.
 * The due-date shift for weekends/holidays is the caller's business.
 */
export function computeLateCharges(input: LateChargesInput): LateCharges {
  const daysLate = Math.max(0, daysBetween(input.dueDate, input.paymentDate));
  const grace = input.graceDays ?? 0;
  if (daysLate === 0 || daysLate <= grace) {
    return { daysLate, fineCents: 0, interestCents: 0, totalCents: input.amountCents };
  }
  const fineCents = applyPercent(input.amountCents, input.fineBasisPoints);
  const interestCents = proRataInterest(input.amountCents, input.monthlyInterestBasisPoints, daysLate);
  return { daysLate, fineCents, interestCents, totalCents: input.amountCents + fineCents + interestCents };
}
