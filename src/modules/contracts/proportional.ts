import { writeAudit } from '../../db/audit.ts';
import type { Tx } from '../../db/transaction.ts';
import { addDays, addMonths, compareIsoDates, daysBetween, daysInMonth, formatDateBr, todayInSaoPaulo } from '../../lib/dates.ts';
import type { LockedContract } from './contracts.repository.ts';

/** Days after the cancellation the proportional invoice falls due. */
export const PROPORTIONAL_DUE_DAYS = 10;

/** 00:00 in São Paulo (UTC−3 all year since 2019) of a calendar date. */
export const startOfDayInSaoPaulo = (isoDate: string): Date => new Date(`${isoDate}T03:00:00Z`);

function dueDayIn(isoMonthStart: string, dueDay: number): string {
  const [y, m] = isoMonthStart.split('-').map(Number) as [number, number];
  return `${isoMonthStart.slice(0, 8)}${String(Math.min(dueDay, daysInMonth(y, m))).padStart(2, '0')}`;
}

/** The last due date (by the rule's day) on or before `today`: where the current billing cycle began. */
export function cycleStart(today: string, dueDay: number): string {
  const thisMonth = dueDayIn(`${today.slice(0, 8)}01`, dueDay);
  return compareIsoDates(thisMonth, today) <= 0 ? thisMonth : dueDayIn(addMonths(`${today.slice(0, 8)}01`, -1), dueDay);
}

/**
 * GerarProporcional: an open invoice for the days of the current cycle used until the
 * cancellation — monthly amount × days / 30, rounded to the centavo, counted from the cycle's
 * start (or the activation, if later). Null when no day or no amount is due.
 */
export async function proportionalInvoice(tx: Tx, k: LockedContract, today: string, actor: string, now: Date): Promise<number | null> {
  const rule = await tx.selectFrom('due_date_rules').select('due_day').where('id', '=', k.due_date_rule_id).executeTakeFirstOrThrow();
  let start = cycleStart(today, rule.due_day);
  const activatedOn = k.activated_at ? todayInSaoPaulo(k.activated_at) : today;
  if (compareIsoDates(activatedOn, start) > 0) start = activatedOn;
  const days = Math.max(0, daysBetween(start, today));
  const amount = Math.round((k.monthly_amount_cents * days) / 30);
  if (amount <= 0) return null;
  const profile = await tx.selectFrom('payment_profiles').select('bank_account_id').where('id', '=', k.payment_profile_id).executeTakeFirstOrThrow();
  const due = addDays(today, PROPORTIONAL_DUE_DAYS);
  const description = `Proporcional de ${formatDateBr(start)} a ${formatDateBr(today)} (${days} dias) - cancelamento do contrato ${k.id}`;
  const invoice = await tx
    .insertInto('invoices')
    .values({
      company_id: k.company_id,
      customer_id: k.customer_id,
      contract_id: k.id,
      bank_account_id: profile.bank_account_id,
      payment_profile_id: k.payment_profile_id,
      chart_account_id: k.chart_account_id,
      description,
      amount_cents: amount,
      issue_date: today,
      due_date: due,
      original_due_date: due,
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('invoice_items')
    .values({ invoice_id: invoice.id, contract_id: k.id, kind: 'proportional', description, amount_cents: amount, reference_month: `${start.slice(0, 8)}01` })
    .execute();
  await writeAudit(tx, { actor, action: 'invoice.create', entity: 'invoice', entityId: invoice.id, details: { contractId: k.id, kind: 'proportional', days, amountCents: amount }, at: now });
  return invoice.id;
}
