import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { formatBrl } from '../../lib/money.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import {
  claimOrder,
  findBankAccount,
  findOrder,
  insertSettlement,
  listCardConditions,
  listOrderLines,
  markInvoicePaid,
  markOrderExpired,
} from './payments.repository.ts';
import { allocate } from './pricing.ts';
import { checkDiscount, checkNonZero, findSettlementRules } from './settlement-rules.ts';

export const METHOD_SOURCES = { 3: 'card', 4: 'manual', 101: 'pix' } as const;
export type SettlementMethod = keyof typeof METHOD_SOURCES;

interface LivePlan {
  conditionId: number | null;
  methodId: SettlementMethod;
  bankAccountId: number;
  receivedOn: string;
  nsu: string | null;
  authorizationCode: string | null;
  /** Per-invoice amounts; null = the order's own prices (V1). */
  amounts: ((lines: Line[]) => Array<{ amountCents: number; surchargeCents: number; discountCents: number }>) | null;
}

type Line = Awaited<ReturnType<typeof listOrderLines>>[number];

async function liveOrder(deps: AppDeps, publicId: string) {
  const order = await findOrder(deps.db, publicId);
  if (!order) throw new MkError('notFound', 'Dados não localizados: IDPagamento inexistente.');
  if (order.status === 'paid') throw new MkError('conflict', 'IDPagamento já utilizado: faturas já liquidadas.');
  if (order.status !== 'pending') throw new MkError('conflict', 'IDPagamento expirado ou cancelado; gere um novo pedido.');
  if (order.expires_at.getTime() <= deps.clock.now().getTime()) {
    await markOrderExpired(deps.db, order.id);
    throw new MkError('conflict', 'IDPagamento expirado; gere um novo pedido.');
  }
  return order;
}

/**
 * Settles every invoice of a live order in one transaction. The order is claimed with a
 * conditional UPDATE, so of any number of concurrent settlements exactly one proceeds; an
 * invoice that stopped being open meanwhile rolls everything back.
 */
async function settle(deps: AppDeps, caller: Caller | null, order: Awaited<ReturnType<typeof liveOrder>>, plan: LivePlan) {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const claimed = await claimOrder(tx, order.id, now);
    if (!claimed) throw new MkError('conflict', 'IDPagamento já utilizado: faturas já liquidadas.');
    const lines = await listOrderLines(tx, order.id);
    const amounts = plan.amounts ? plan.amounts(lines) : lines.map((l) => ({ amountCents: l.amount_cents, surchargeCents: l.surcharge_cents, discountCents: l.discount_cents }));
    checkNonZero(await findSettlementRules(tx, caller?.profileId), amounts.reduce((acc, a) => acc + a.amountCents, 0));
    for (const [i, line] of lines.entries()) {
      const a = amounts[i]!;
      if (!(await markInvoicePaid(tx, line.invoice_id, plan.receivedOn, a.amountCents))) {
        throw new MkError('conflict', `Fatura ${line.invoice_id} não está mais em aberto; nenhuma fatura foi liquidada.`);
      }
      await insertSettlement(tx, {
        invoiceId: line.invoice_id,
        orderId: order.id,
        methodId: plan.methodId,
        conditionId: plan.conditionId,
        bankAccountId: plan.bankAccountId,
        ...a,
        receivedOn: plan.receivedOn,
        source: METHOD_SOURCES[plan.methodId],
        nsu: plan.nsu,
        authorizationCode: plan.authorizationCode,
        operatorId: caller?.operatorId ?? null,
        at: now,
      });
    }
    await writeAudit(tx, { actor: callerActor(caller), action: 'payment_order_settled', entity: 'payment_order', entityId: order.id, details: { methodId: plan.methodId }, at: now });
    return lines.map((l, i) => ({ invoiceId: l.invoice_id, ...amounts[i]! }));
  });
}

async function requireAccount(deps: AppDeps, accountId: number, companyId: number) {
  if (!(await findBankAccount(deps.db, accountId, companyId))) {
    throw new MkError('invalidParam', 'Parâmetro inválido: conta (conta bancária inexistente ou inativa nesta empresa).');
  }
}

/** WSMKLiquidacaoFaturas (V1): card payment with one of the order's FormasPgto. */
export async function settleV1(
  deps: AppDeps,
  caller: Caller | null,
  input: { publicId: string; conditionId: number; accountId: number; nsu?: string; arp?: string },
) {
  const order = await liveOrder(deps, input.publicId);
  const conditions = await listCardConditions(deps.db, order.company_id, order.total_cents);
  if (!conditions.some((c) => c.id === input.conditionId)) {
    throw new MkError('invalidParam', 'Parâmetro inválido: FormaPgto (condição não listada em FormasPgto do pedido).');
  }
  await requireAccount(deps, input.accountId, order.company_id);
  const settled = await settle(deps, caller, order, {
    conditionId: input.conditionId,
    methodId: 3,
    bankAccountId: input.accountId,
    receivedOn: todayInSaoPaulo(deps.clock.now()),
    nsu: input.nsu ?? null,
    authorizationCode: input.arp ?? null,
    amounts: null,
  });
  return { publicId: order.public_id, settled };
}

/** WSMKLiquidacaoFaturasV2: the caller states the amounts; valor_total must be sum − desconto + acréscimo. */
export async function settleV2(
  deps: AppDeps,
  caller: Caller | null,
  input: { publicId: string; methodId: SettlementMethod; accountId: number; totalCents: number; surchargeCents: number; discountCents: number; receivedOn: string },
) {
  if (input.receivedOn > todayInSaoPaulo(deps.clock.now())) {
    throw new MkError('invalidParam', 'Parâmetro inválido: data_recebimento (data futura).');
  }
  const order = await liveOrder(deps, input.publicId);
  const lines = await listOrderLines(deps.db, order.id);
  const sum = lines.reduce((acc, l) => acc + l.original_cents, 0);
  if (input.discountCents > sum) throw new MkError('invalidParam', 'Parâmetro inválido: valor_desconto (maior que o valor das faturas).');
  const rules = await findSettlementRules(deps.db, caller?.profileId);
  const expected = sum - input.discountCents + input.surchargeCents;
  if (input.totalCents !== expected) {
    throw new MkError(
      'invalidParam',
      `Parâmetro inválido: valor_total (${formatBrl(input.totalCents)}) difere de faturas ${formatBrl(sum)} − desconto + acréscimo = ${formatBrl(expected)}.`,
    );
  }
  checkDiscount(rules, input.discountCents, sum, lines.reduce((acc, l) => acc + l.discount_cents, 0));
  checkNonZero(rules, input.totalCents);
  await requireAccount(deps, input.accountId, order.company_id);
  const settled = await settle(deps, caller, order, {
    conditionId: null,
    methodId: input.methodId,
    bankAccountId: input.accountId,
    receivedOn: input.receivedOn,
    nsu: null,
    authorizationCode: null,
    amounts: (ls) => {
      const weights = ls.map((l) => l.original_cents);
      const surcharges = allocate(input.surchargeCents, weights);
      const discounts = allocate(input.discountCents, weights);
      return ls.map((l, i) => ({
        surchargeCents: surcharges[i]!,
        discountCents: discounts[i]!,
        amountCents: l.original_cents + surcharges[i]! - discounts[i]!,
      }));
    },
  });
  return { publicId: order.public_id, settled };
}
