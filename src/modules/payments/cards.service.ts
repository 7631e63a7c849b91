import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { cardNumberKept } from './retention.repository.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { cardBrand, normalizeCardNumber } from '../../lib/cards.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import { requireCustomer } from '../billing/billing.service.ts';
import type { CardGateway } from './card-gateway.ts';
import {
  countAttemptsSince,
  findCard,
  insertAttempt,
  insertCard,
  listCardsOf,
  lockCustomer,
  scheduleRecurring,
  unscheduleRecurring,
  updateCardFlags,
} from './cards.repository.ts';

/** The acquirer's rule (Cielo): 3 new-card attempts per customer per 24 h. */
export const MAX_CARD_ATTEMPTS = 3;
const WINDOW_MS = 24 * 3_600_000;

export interface NewCardInput {
  customerId: number;
  holder: string;
  document: string;
  number: string;
  cvv: string;
  month: number;
  year: number;
  recurring: boolean;
  active: boolean;
  ip: string;
}

type Outcome =
  | { kind: 'limited' }
  | { kind: 'refused'; message: string }
  | { kind: 'accepted'; cardId: number; scheduled: Array<{ id: number; due_date: string; amount_cents: number }> };

function refusal(input: NewCardInput, digits: string | null, today: string): string | null {
  if (!digits) return 'Parâmetro inválido: numero (número de cartão inválido).';
  const expiry = `${input.year}-${String(input.month).padStart(2, '0')}`;
  if (expiry < today.slice(0, 7)) return 'Parâmetro inválido: mm/aa (cartão vencido).';
  if (cardBrand(digits) === 'amex' ? input.cvv.length !== 4 : input.cvv.length !== 3) return 'Parâmetro inválido: cvv.';
  return null;
}

/** WSMKPerfilCartaoCreditoNovo: tokenises the card (number and CVV never stored) within the attempt limit. */
export async function registerCard(deps: AppDeps, caller: Caller | null, gateway: CardGateway, input: NewCardInput) {
  const customer = await requireCustomer(deps, input.customerId);
  if (input.recurring && !input.active) throw new MkError('invalidParam', 'Parâmetro inválido: debito_auto=S exige ativo=S.');
  const now = deps.clock.now();
  const today = todayInSaoPaulo(now);
  const digits = normalizeCardNumber(input.number);
  const first6 = digits?.slice(0, 6) ?? null;
  const last4 = digits?.slice(-4) ?? null;
  const outcome = await withTransaction(deps.db, async (tx): Promise<Outcome> => {
    await lockCustomer(tx, customer.id);
    const attempt = { customerId: customer.id, at: now, first6, last4, ip: input.ip };
    if ((await countAttemptsSince(tx, customer.id, new Date(now.getTime() - WINDOW_MS))) >= MAX_CARD_ATTEMPTS) {
      await insertAttempt(tx, { ...attempt, cardId: null, outcome: 'rate_limited', message: 'limite de 3 tentativas em 24 h' });
      return { kind: 'limited' };
    }
    const refused = refusal(input, digits, today);
    if (refused || !digits) {
      await insertAttempt(tx, { ...attempt, cardId: null, outcome: 'refused', message: refused });
      return { kind: 'refused', message: refused ?? '' };
    }
    const { vaultToken } = await gateway.tokenize(tx, { number: digits, expiryMonth: input.month, expiryYear: input.year, holder: input.holder }, input.cvv, now);
    const cardId = await insertCard(tx, {
      customerId: customer.id,
      holder: input.holder.trim(),
      document: input.document,
      brand: cardBrand(digits),
      first6: first6!,
      last4: last4!,
      month: input.month,
      year: input.year,
      vaultToken,
      active: input.active,
      recurring: input.recurring,
      at: now,
    });
    await insertAttempt(tx, { ...attempt, cardId, outcome: 'accepted', message: null });
    const scheduled = input.recurring ? await scheduleRecurring(tx, customer.id, cardId, today) : [];
    await writeAudit(tx, { actor: callerActor(caller), action: 'credit_card_created', entity: 'credit_card', entityId: cardId, details: { last4, recurring: input.recurring }, at: now });
    return { kind: 'accepted', cardId, scheduled };
  });
  if (outcome.kind === 'limited') {
    throw new MkError('tooManyRequests', `Limite de ${MAX_CARD_ATTEMPTS} tentativas de cadastro de cartão em 24 horas excedido.`);
  }
  if (outcome.kind === 'refused') throw new MkError('invalidParam', outcome.message);
  return { customer, card: (await findCard(deps.db, outcome.cardId))!, scheduled: outcome.scheduled };
}

export async function cardsOfCustomer(deps: AppDeps, customerId: number) {
  const customer = await requireCustomer(deps, customerId);
  return { customer, cards: await listCardsOf(deps.db, customer.id) };
}

/** WSMKAlterarCartao: (de)activates the card and its recurring charge. */
export async function changeCard(deps: AppDeps, caller: Caller | null, input: { cardId: number; active: boolean; recurring: boolean }) {
  const card = await findCard(deps.db, input.cardId);
  if (!card) throw new MkError('notFound');
  if (input.recurring && !input.active) throw new MkError('invalidParam', 'Parâmetro inválido: recorencia=S exige ativar=S.');
  // The retention job deletes the number of a card deactivated long ago: it cannot come back.
  if (input.active && !card.active && !(await cardNumberKept(deps.db, card.id))) {
    throw new MkError('conflict', 'Cartão desativado há mais de 30 dias: dados removidos; cadastre o cartão novamente.');
  }
  const now = deps.clock.now();
  const scheduled = await withTransaction(deps.db, async (tx) => {
    await updateCardFlags(tx, card.id, { active: input.active, recurring: input.recurring, at: now });
    const rows = input.recurring ? await scheduleRecurring(tx, card.customer_id, card.id, todayInSaoPaulo(now)) : [];
    if (!input.recurring) await unscheduleRecurring(tx, card.id);
    await writeAudit(tx, { actor: callerActor(caller), action: 'credit_card_changed', entity: 'credit_card', entityId: card.id, details: input, at: now });
    return rows;
  });
  return { card: (await findCard(deps.db, card.id))!, before: card, scheduled };
}
