import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { cardItem, scheduledItems } from '../cards.mappers.ts';
import { changeCard } from '../cards.service.ts';

function message(before: { active: boolean; recurring: boolean }, after: { active: boolean; recurring: boolean }): string {
  const parts: string[] = [];
  if (before.active !== after.active) parts.push(after.active ? 'Cartão ativado.' : 'Cartão desativado.');
  if (before.recurring !== after.recurring) parts.push(after.recurring ? 'Recorrência ativada.' : 'Recorrência desativada.');
  return parts.length > 0 ? parts.join(' ') : 'Nenhuma alteração.';
}

export const wsmkAlterarCartao = defineMkEndpoint({
  id: 'WSMKAlterarCartao',
  service: ALL_SERVICES,
  summary: 'Activates/deactivates a card and its recurring charge (body or query)',
  query: Type.Object({
    cd_cartao: mkParam.id(),
    ativar: mkParam.oneOf(['S', 'N']),
    recorencia: mkParam.oneOf(['S', 'N'], { aliases: ['recorrencia'], description: "doc spelling 'recorencia'" }),
  }),
  response: Type.Object({
    Cartao: Type.Object({}, { additionalProperties: true }),
    FaturasDebitoAgendado: Type.Array(Type.Object({}, { additionalProperties: true })),
    Mensagem: Type.String(),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps, caller }) {
    const r = await changeCard(deps, caller, { cardId: params.cd_cartao, active: params.ativar === 'S', recurring: params.recorencia === 'S' });
    return { Cartao: cardItem(r.card), FaturasDebitoAgendado: scheduledItems(r.scheduled), Mensagem: message(r.before, r.card) };
  },
});
