import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { BLOCK_REASON_BY_CODE, toMkConnection } from '../connections.mappers.ts';
import { connectionsResponse } from '../connections.schemas.ts';
import { connectionsOfCustomer } from '../connections.service.ts';

export const wsmkConexoesPorClienteV2 = defineMkEndpoint({
  id: 'WSMKConexoesPorClienteV2',
  service: ALL_SERVICES,
  summary: 'Connections of a customer filtered by blocked (S/N) and block reason (1, 3, 5); same items as V1',
  query: Type.Object({
    cd_cliente: mkParam.id({ description: 'customer code' }),
    bloqueada: Type.Optional(mkParam.oneOf(['S', 'N'])),
    motivo_bloqueio: Type.Optional(mkParam.oneOf(['1', '3', '5'], { description: '1 Falta Pagamento, 3 Por tempo indeterminado, 5 Contrato não aceito' })),
  }),
  response: connectionsResponse,
  async handler({ params, deps }) {
    const { customer, connections } = await connectionsOfCustomer(deps, params.cd_cliente, {
      ...(params.bloqueada ? { blocked: params.bloqueada === 'S' } : {}),
      ...(params.motivo_bloqueio ? { blockReason: BLOCK_REASON_BY_CODE[params.motivo_bloqueio] } : {}),
    });
    return { CodigoPessoa: customer.id, Nome: customer.name, Conexoes: connections.map(toMkConnection) };
  },
});
