import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listDiscounts } from '../lookups.repository.ts';
import { discountItem, toDiscountItem } from '../lookups.schemas.ts';

export const wsmkListaDesconto = defineMkEndpoint({
  id: 'WSMKListaDesconto',
  service: ALL_SERVICES,
  summary: 'Active discounts: CodigoDescontoAplicado (any) and DescontoInatividade (tipo Inatividade) of WSMKNovoContrato',
  query: Type.Object({}),
  response: Type.Object({ Descontos: Type.Array(discountItem) }),
  async handler({ deps }) {
    return { Descontos: (await listDiscounts(deps.db)).map(toDiscountItem) };
  },
});
