import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { cardItem } from '../cards.mappers.ts';
import { cardsOfCustomer } from '../cards.service.ts';

export const wsmkConsultarCartao = defineMkEndpoint({
  id: 'WSMKConsultarCartao',
  service: ALL_SERVICES,
  summary: "A customer's credit cards, masked (cd_cartao feeds WSMKAlterarCartao)",
  query: Type.Object({ codigo_cliente: mkParam.id() }),
  response: Type.Object({
    Cartoes: Type.Array(Type.Object({}, { additionalProperties: true })),
    CodigoPessoa: Type.Integer(),
    Nome: Type.String(),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const { customer, cards } = await cardsOfCustomer(deps, params.codigo_cliente);
    return { Cartoes: cards.map(cardItem), CodigoPessoa: customer.id, Nome: customer.name };
  },
});
