import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { BuiltInVault } from '../card-gateway.ts';
import { cardItem, scheduledItems } from '../cards.mappers.ts';
import { registerCard } from '../cards.service.ts';

export const wsmkPerfilCartaoCreditoNovo = defineMkEndpoint({
  id: 'WSMKPerfilCartaoCreditoNovo',
  service: ALL_SERVICES,
  summary: 'Registers a credit card (tokenised; 3 attempts per customer per 24 h); debito_auto schedules open invoices',
  query: Type.Object({
    portador: mkParam.text(100, { description: 'holder name', sensitive: true }),
    mm: mkParam.integer(1, 12, { description: 'expiry month', sensitive: true }),
    aa: mkParam.integer(2000, 2100, { description: 'expiry year, AAAA', sensitive: true }),
    cvv: mkParam.pattern('^[0-9]{3,4}$', '3 ou 4 dígitos', { sensitive: true }),
    doc: mkParam.document({ description: 'holder CPF/CNPJ' }),
    numero: mkParam.pattern('^[0-9 -]{13,25}$', 'número do cartão, 13 a 19 dígitos', { sensitive: true }),
    debito_auto: mkParam.oneOf(['S', 'N']),
    cd_cliente: mkParam.id(),
    ativo: mkParam.oneOf(['S', 'N']),
  }),
  response: Type.Object({
    Cartao: Type.Object({}, { additionalProperties: true }),
    CodigoPessoa: Type.Integer(),
    FaturasDebitoAgendado: Type.Array(Type.Object({ codfatura: Type.Integer(), data_vencimento: Type.String(), valor: Type.Number() })),
    Nome: Type.String(),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps, caller, ip }) {
    const r = await registerCard(deps, caller, new BuiltInVault(deps.config), {
      customerId: params.cd_cliente,
      holder: params.portador,
      document: params.doc,
      number: params.numero,
      cvv: params.cvv,
      month: params.mm,
      year: params.aa,
      recurring: params.debito_auto === 'S',
      active: params.ativo === 'S',
      ip,
    });
    return { Cartao: cardItem(r.card), CodigoPessoa: r.customer.id, FaturasDebitoAgendado: scheduledItems(r.scheduled), Nome: r.customer.name };
  },
});
