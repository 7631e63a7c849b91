import type { Db } from '../../db/database.ts';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import { writeAudit } from '../../db/audit.ts';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { formatBrl } from '../../lib/money.ts';

export interface SettlementRules {
  /** Largest caller-chosen discount as a share of the invoices' sum, in basis points. */
  maxDiscountBp: number;
  allowZeroValue: boolean;
}

/** A profile without a row: no caller-chosen discount, no R$ 0,00 settlement. */
export const DEFAULT_SETTLEMENT_RULES: SettlementRules = { maxDiscountBp: 0, allowZeroValue: false };

export async function findSettlementRules(db: Db | Tx, profileId: number | undefined): Promise<SettlementRules> {
  if (profileId === undefined) return DEFAULT_SETTLEMENT_RULES;
  const row = await db
    .selectFrom('ws_profile_settlement_rules')
    .select(['max_discount_bp', 'allow_zero_value'])
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
  return row ? { maxDiscountBp: row.max_discount_bp, allowZeroValue: row.allow_zero_value } : DEFAULT_SETTLEMENT_RULES;
}

const percent = (bp: number) => `${(bp / 100).toLocaleString('pt-BR', { maximumFractionDigits: 2 })} %`;

/**
 * Refuses a discount above what the order itself grants (the ISP's own discount rules, priced by
 * WSMKPedidoLiquidacao) plus the profile's maximum share of `sumCents`.
 */
export function checkDiscount(rules: SettlementRules, discountCents: number, sumCents: number, orderDiscountCents = 0): void {
  if (discountCents <= orderDiscountCents) return;
  if ((discountCents - orderDiscountCents) * 10_000 > rules.maxDiscountBp * sumCents) {
    const own = orderDiscountCents > 0 ? ` além do desconto do pedido, ${formatBrl(orderDiscountCents)}` : '';
    throw new MkError(
      'conflict',
      `Desconto de ${formatBrl(discountCents)} acima do máximo permitido para este perfil (${percent(rules.maxDiscountBp)} de ${formatBrl(sumCents)}${own}).`,
    );
  }
}

/** Refuses settling invoices for R$ 0,00 in total unless the profile allows it. */
export function checkNonZero(rules: SettlementRules, totalCents: number): void {
  if (totalCents === 0 && !rules.allowZeroValue) {
    throw new MkError('conflict', 'Liquidação com valor total R$ 0,00 não permitida para este perfil.');
  }
}

export interface SettlementRulesView {
  maxDiscountPercent: number;
  allowZeroValue: boolean;
}

export const rulesView = (r: SettlementRules): SettlementRulesView => ({ maxDiscountPercent: r.maxDiscountBp / 100, allowZeroValue: r.allowZeroValue });

/** Admin API: sets a profile's settlement rules (percent with at most two decimals). */
export async function saveSettlementRules(deps: AppDeps, actor: string, profileId: number, input: SettlementRulesView): Promise<SettlementRules> {
  const bp = Math.round(input.maxDiscountPercent * 100);
  if (Math.abs(bp - input.maxDiscountPercent * 100) > 1e-6 || bp < 0 || bp > 10_000) {
    throw new MkError('invalidParam', 'maxDiscountPercent: de 0 a 100, com no máximo duas casas decimais.');
  }
  const exists = await deps.db.selectFrom('ws_profiles').select('id').where('id', '=', profileId).executeTakeFirst();
  if (!exists) throw new MkError('notFound', 'Perfil não encontrado.');
  const rules = { maxDiscountBp: bp, allowZeroValue: input.allowZeroValue };
  const now = deps.clock.now();
  await withTransaction(deps.db, async (tx) => {
    await tx
      .insertInto('ws_profile_settlement_rules')
      .values({ profile_id: profileId, max_discount_bp: bp, allow_zero_value: input.allowZeroValue, updated_at: now })
      .onConflict((oc) => oc.column('profile_id').doUpdateSet({ max_discount_bp: bp, allow_zero_value: input.allowZeroValue, updated_at: now }))
      .execute();
    await writeAudit(tx, { actor, action: 'set_settlement_rules', entity: 'ws_profile', entityId: profileId, details: rules, at: now });
  });
  return rules;
}
