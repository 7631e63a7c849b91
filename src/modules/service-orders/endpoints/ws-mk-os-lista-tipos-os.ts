import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listTypes } from '../service-orders.service.ts';

export const wsmkOsListaTiposOs = defineMkEndpoint({
  id: 'WSMKOSListaTiposOS',
  service: ALL_SERVICES,
  summary: 'Active OS types: the CodigoTipoOS of WSMKCriarOrdemServico and the tipo of PUT /core-api/os',
  query: Type.Object({}),
  response: Type.Object({ Tipos: Type.Array(Type.Object({ codostipo: Type.Integer(), descricao: Type.String() })) }),
  async handler({ deps }) {
    return { Tipos: (await listTypes(deps.db)).map((t) => ({ codostipo: t.id, descricao: t.description })) };
  },
});
