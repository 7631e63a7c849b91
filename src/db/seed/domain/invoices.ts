import { barcodeToLinhaDigitavel, buildBarcode, buildFreeField } from '../../../lib/boleto.ts';
import { addDays, addMonths, compareIsoDates, daysBetween } from '../../../lib/dates.ts';
import { computeLateCharges } from '../../../lib/late-charges.ts';
import { applyDiscount } from '../../../lib/money.ts';
import { buildPixPayload } from '../../../lib/pix.ts';
import type { ContractDraft } from './contracts.ts';
import type { CustomerDraft } from './customers.ts';
import type { SeedContext, World } from './world.ts';
import { businessInstant } from './world.ts';

export type InvoiceStatus = 'open' | 'paid' | 'suspended' | 'deleted';

interface ItemDraft {
  kind: 'monthly_fee' | 'proportional' | 'installation' | 'equipment';
  description: string;
  amountCents: number;
}

export interface InvoiceDraft {
  id: number;
  issueDate: string;
  dueDate: string;
  amountCents: number;
  items: ItemDraft[];
  status: InvoiceStatus;
  paidOn: string | null;
  paidCents: number | null;
  surchargeCents: number;
  discountCents: number;
  suspensionReasonId: number | null;
  /** Filled when the invoice is written. */
  digitableLine: string;
}

const MONTHS_OF_INVOICES = 12;
const FINE_BP = 200;
const INTEREST_BP = 100;

/** Every monthly due date of a contract, up to the next one still to come. */
function dueDates(ctx: SeedContext, contract: ContractDraft): string[] {
  if (!contract.activatedOn) return [];
  const day = String(contract.dueRule.day).padStart(2, '0');
  let first = `${contract.activatedOn.slice(0, 7)}-${day}`;
  while (daysBetween(contract.activatedOn, first) < 5) first = addMonths(first, 1);
  const stop = contract.billingEndsOn ?? ctx.today;
  const dates: string[] = [];
  for (let due = first; ; due = addMonths(due, 1)) {
    if (contract.billingEndsOn ? compareIsoDates(due, stop) > 0 : dates.length > 0 && compareIsoDates(dates[dates.length - 1] as string, stop) >= 0) break;
    dates.push(due);
  }
  return dates;
}

/** Decides every invoice of a contract in memory: amounts, items and payment history. */
export function planInvoices(ctx: SeedContext, world: World, customer: CustomerDraft, contract: ContractDraft): InvoiceDraft[] {
  const { r } = ctx;
  const all = dueDates(ctx, contract);
  const dates = all.slice(-MONTHS_OF_INVOICES);
  const includesFirst = all.length === dates.length;
  const pastCount = dates.filter((d) => compareIsoDates(d, ctx.today) < 0).length;
  // Trailing past invoices left unpaid, by payer profile.
  let unpaidTail = 0;
  if (contract.forceOverdue) unpaidTail = 1;
  else if (customer.payer === 'defaulter' || contract.status === 'suspended') unpaidTail = r.int(1, 4);
  else if (customer.payer === 'late' && r.chance(0.4)) unpaidTail = 1;
  return dates.map((dueDate, i) => {
    const items: ItemDraft[] = [];
    const ref = `${dueDate.slice(5, 7)}/${dueDate.slice(0, 4)}`;
    const isFirst = i === 0 && includesFirst;
    if (isFirst && contract.activatedOn) {
      const used = Math.min(30, Math.max(1, daysBetween(contract.activatedOn, dueDate)));
      items.push({
        kind: 'proportional', description: `Proporcional ${contract.planName} (${used} dias)`,
        amountCents: Math.max(100, Math.round((contract.monthlyCents * used) / 30)),
      });
    } else {
      items.push({ kind: 'monthly_fee', description: `Mensalidade ${contract.planName} ref. ${ref}`, amountCents: contract.monthlyCents });
    }
    if (contract.installationFee && includesFirst && i < 2) {
      items.push({ kind: 'installation', description: `Taxa de instalação ${i + 1}/2`, amountCents: 5000 });
    }
    if (r.chance(0.02)) items.push({ kind: 'equipment', description: 'Roteador Wi-Fi 6 (parcela)', amountCents: 2990 });
    const amountCents = items.reduce((sum, it) => sum + it.amountCents, 0);
    const issueDate = addDays(dueDate, -contract.dueRule.issueDaysBefore);
    const draft: InvoiceDraft = {
      id: ctx.ids.next('invoices'), issueDate: compareIsoDates(issueDate, ctx.today) > 0 ? ctx.today : issueDate,
      dueDate, amountCents, items, status: 'open', paidOn: null, paidCents: null, surchargeCents: 0, discountCents: 0,
      suspensionReasonId: null, digitableLine: '',
    };
    const past = compareIsoDates(dueDate, ctx.today) < 0;
    if (!past) {
      if (r.chance(0.06) && !contract.forceOverdue) {
        const paidOn = addDays(ctx.today, -r.int(0, 2));
        settle(draft, contract, compareIsoDates(paidOn, draft.issueDate) < 0 ? draft.issueDate : paidOn);
      }
      return draft;
    }
    if (i >= pastCount - unpaidTail) {
      if (!contract.forceOverdue && r.chance(0.01)) {
        draft.status = 'suspended';
        draft.suspensionReasonId = r.pick(world.invoiceSuspensionReasonIds);
      }
      return draft;
    }
    if (r.chance(0.003)) {
      draft.status = 'deleted';
      return draft;
    }
    const late = customer.payer === 'good' ? (r.chance(0.2) ? r.int(1, 3) : -r.int(0, 4)) : r.int(1, 25);
    let paidOn = addDays(dueDate, late);
    if (compareIsoDates(paidOn, draft.issueDate) < 0) paidOn = draft.issueDate;
    if (compareIsoDates(paidOn, ctx.today) >= 0) paidOn = addDays(ctx.today, -1);
    settle(draft, contract, paidOn);
    return draft;
  });
}

function settle(invoice: InvoiceDraft, contract: ContractDraft, paidOn: string): void {
  const charges = computeLateCharges({
    amountCents: invoice.amountCents, dueDate: invoice.dueDate, paymentDate: paidOn,
    fineBasisPoints: FINE_BP, monthlyInterestBasisPoints: INTEREST_BP,
  });
  let paid = charges.totalCents;
  if (charges.daysLate === 0 && contract.punctualityDiscount) {
    paid = applyDiscount(invoice.amountCents, 500);
    invoice.discountCents = invoice.amountCents - paid;
  }
  invoice.surchargeCents = charges.fineCents + charges.interestCents;
  invoice.status = 'paid';
  invoice.paidOn = paidOn;
  invoice.paidCents = paid;
}

const METHOD_IDS = { boleto: 1, pix: 101, card: 3, deposit: 4 } as const;

/** Writes invoices with boleto and PIX codes, their items, and a settlement per paid one. */
export function emitInvoices(
  ctx: SeedContext, customer: CustomerDraft, contract: ContractDraft, invoices: InvoiceDraft[], cardId: number | null,
): void {
  const { r, batch, ids } = ctx;
  const company = customer.company;
  const account = company.boletoAccount;
  for (const inv of invoices) {
    const ourNumber = String(inv.id);
    const barcode = buildBarcode({
      bankCode: account.bankCode, dueDate: inv.dueDate, amountCents: inv.amountCents,
      freeField: buildFreeField({ agency: account.agency, account: account.account, wallet: account.wallet, nossoNumero: ourNumber }),
    });
    inv.digitableLine = barcodeToLinhaDigitavel(barcode);
    const withPix = company.pixEnabled && inv.status !== 'deleted';
    const issued = businessInstant(r, inv.issueDate);
    const changed = inv.paidOn ? businessInstant(r, inv.paidOn) : issued;
    batch.add('invoices', {
      id: inv.id, company_id: company.id, customer_id: customer.id, contract_id: contract.id, bank_account_id: account.id,
      payment_profile_id: contract.profileId, chart_account_id: contract.chartAccountId,
      credit_card_id: cardId !== null && inv.status === 'open' ? cardId : null,
      description: inv.items.map((it) => it.description).join(' + '), amount_cents: inv.amountCents,
      issue_date: inv.issueDate, due_date: inv.dueDate, original_due_date: inv.dueDate, status: inv.status,
      paid_on: inv.paidOn, paid_amount_cents: inv.paidCents,
      suspended_at: inv.status === 'suspended' ? businessInstant(r, addDays(inv.dueDate, 2)) : null,
      suspension_reason_id: inv.suspensionReasonId,
      suspension_note: inv.status === 'suspended' ? 'Cliente contestou a cobrança; em análise pelo financeiro.' : null,
      deleted_at: inv.status === 'deleted' ? businessInstant(r, addDays(inv.issueDate, 1)) : null,
      our_number: ourNumber, barcode, digitable_line: inv.digitableLine,
      pix_payload: withPix
        ? buildPixPayload({ key: company.pixKey, merchantName: company.merchantName, merchantCity: company.merchantCity, amountCents: inv.amountCents, txid: `FAT${inv.id}` })
        : null,
      pix_txid: withPix ? `FAT${inv.id}` : null,
      created_at: issued, updated_at: changed,
    });
    for (const item of inv.items) {
      batch.add('invoice_items', {
        id: ids.next('invoice_items'), invoice_id: inv.id, contract_id: contract.id, kind: item.kind,
        description: item.description, amount_cents: item.amountCents, reference_month: `${inv.dueDate.slice(0, 7)}-01`,
      });
    }
    if (inv.status !== 'paid' || !inv.paidOn || inv.paidCents === null) continue;
    // Hybrid boletos are often paid through their PIX code.
    const method = contract.paymentMethod === 'boleto' && company.pixEnabled && r.chance(0.3) ? 'pix' : contract.paymentMethod;
    const viaOrder = method === 'card' && r.chance(0.25) ? emitPaidOrder(ctx, customer, inv) : null;
    batch.add('settlements', {
      id: ids.next('settlements'), invoice_id: inv.id, payment_order_id: viaOrder, payment_method_id: METHOD_IDS[method],
      payment_condition_id: method === 'card' ? (company.cardConditionIds[0] ?? null) : null,
      bank_account_id: method === 'card' ? company.cardAccountId : account.id,
      amount_cents: inv.paidCents, surcharge_cents: inv.surchargeCents, discount_cents: inv.discountCents,
      received_on: inv.paidOn,
      source: viaOrder ? 'api' : method === 'boleto' ? 'bank_return' : method === 'deposit' ? 'manual' : method,
      nsu: method === 'card' ? r.digits(9) : null, authorization_code: method === 'card' ? r.digits(6) : null,
      operator_id: method === 'deposit' ? (ctx.operatorIds[0] ?? null) : null,
      created_at: businessInstant(r, inv.paidOn), reversed_at: null,
    });
  }
}

const ORDER_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function emitPaidOrder(ctx: SeedContext, customer: CustomerDraft, inv: InvoiceDraft): number {
  const { r, batch, ids } = ctx;
  const id = ids.next('payment_orders');
  const created = businessInstant(r, inv.paidOn as string);
  batch.add('payment_orders', {
    id, public_id: r.chars(32, ORDER_ID_ALPHABET), customer_id: customer.id, status: 'paid',
    total_cents: inv.paidCents as number, total_surcharge_cents: inv.surchargeCents, total_discount_cents: inv.discountCents,
    created_at: created, expires_at: new Date(created.getTime() + 30 * 60_000), paid_at: new Date(created.getTime() + r.int(1, 20) * 60_000),
  });
  batch.add('payment_order_invoices', {
    payment_order_id: id, invoice_id: inv.id, original_cents: inv.amountCents, surcharge_cents: inv.surchargeCents,
    discount_cents: inv.discountCents, amount_cents: inv.paidCents as number,
  });
  return id;
}

/** A pending or expired IDPagamento over a customer's open invoices. */
export function emitOpenOrder(ctx: SeedContext, customer: CustomerDraft, open: InvoiceDraft[]): void {
  const { r, batch, ids } = ctx;
  if (open.length === 0) return;
  const id = ids.next('payment_orders');
  const expired = r.chance(0.6);
  const created = expired ? businessInstant(r, addDays(ctx.today, -r.int(1, 60))) : new Date(ctx.now.getTime() - r.int(1, 10) * 60_000);
  const createdOn = expired ? created.toISOString().slice(0, 10) : ctx.today;
  let total = 0;
  let surcharge = 0;
  for (const inv of open) {
    const charges = computeLateCharges({
      amountCents: inv.amountCents, dueDate: inv.dueDate, paymentDate: createdOn,
      fineBasisPoints: FINE_BP, monthlyInterestBasisPoints: INTEREST_BP,
    });
    const extra = charges.fineCents + charges.interestCents;
    batch.add('payment_order_invoices', {
      payment_order_id: id, invoice_id: inv.id, original_cents: inv.amountCents, surcharge_cents: extra,
      discount_cents: 0, amount_cents: inv.amountCents + extra,
    });
    total += inv.amountCents + extra;
    surcharge += extra;
  }
  batch.add('payment_orders', {
    id, public_id: r.chars(32, ORDER_ID_ALPHABET), customer_id: customer.id, status: expired ? 'expired' : 'pending',
    total_cents: total, total_surcharge_cents: surcharge, total_discount_cents: 0, created_at: created,
    expires_at: new Date(created.getTime() + 30 * 60_000), paid_at: null,
  });
}
