import { formatDateBr } from '../../lib/dates.ts';
import { centsToDecimal } from '../../lib/money.ts';
import { maskCard } from '../../lib/cards.ts';
import type { findCard } from './cards.repository.ts';

type Card = NonNullable<Awaited<ReturnType<typeof findCard>>>;

const sn = (flag: boolean) => (flag ? 'S' : 'N');

export function cardItem(card: Card) {
  return {
    ativo: sn(card.active),
    bandeira: card.brand,
    cartao: maskCard(card.first6, card.last4),
    cd_cartao: card.id,
    portador: card.holder_name,
    recorrencia: sn(card.recurring),
    validade: `${String(card.expiry_month).padStart(2, '0')}/${card.expiry_year}`,
  };
}

export const scheduledItems = (rows: Array<{ id: number; due_date: string; amount_cents: number }>) =>
  rows.map((r) => ({ codfatura: r.id, data_vencimento: formatDateBr(r.due_date), valor: centsToDecimal(r.amount_cents) }));
