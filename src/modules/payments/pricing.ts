import { daysBetween } from '../../lib/dates.ts';
import { computeLateCharges } from '../../lib/late-charges.ts';
import { applyPercent } from '../../lib/money.ts';

export interface DiscountRule {
  purpose: string;
  percentBasisPoints: number | null;
  amountCents: number | null;
  daysBeforeDue: number | null;
}

export interface PricingInput {
  amountCents: number;
  dueDate: string;
  today: string;
  fineBasisPoints: number;
  monthlyInterestBasisPoints: number;
  discount: DiscountRule | null;
}

export interface Price {
  originalCents: number;
  surchargeCents: number;
  discountCents: number;
  amountCents: number;
}

/**
 * What an invoice costs if paid today: fine + pro-rata interest once late (the payment profile's
 * rates); the contract's discount — a punctuality one only up to `days_before_due` before the due
 * date, the other purposes always — never more than the invoice itself.
 */
export function priceInvoice(p: PricingInput): Price {
  const late = computeLateCharges({
    amountCents: p.amountCents,
    dueDate: p.dueDate,
    paymentDate: p.today,
    fineBasisPoints: p.fineBasisPoints,
    monthlyInterestBasisPoints: p.monthlyInterestBasisPoints,
  });
  const surchargeCents = late.fineCents + late.interestCents;
  let discountCents = 0;
  const d = p.discount;
  const applies =
    d !== null && (d.purpose !== 'punctuality' || daysBetween(p.today, p.dueDate) >= (d.daysBeforeDue ?? 0));
  if (d && applies) {
    discountCents = d.percentBasisPoints !== null ? applyPercent(p.amountCents, d.percentBasisPoints) : (d.amountCents ?? 0);
    discountCents = Math.min(discountCents, p.amountCents);
  }
  return { originalCents: p.amountCents, surchargeCents, discountCents, amountCents: p.amountCents + surchargeCents - discountCents };
}

/** Splits `total` across parts in proportion to `weights` (largest remainder; sums exactly). */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}
