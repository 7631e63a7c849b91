import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listTechnicians } from '../service-orders.service.ts';

export const wsmkOsListaTecnicoResponsavel = defineMkEndpoint({
  id: 'WSMKOSListaTecnicoResponsavel',
  service: ALL_SERVICES,
  summary: 'Active technicians: the CodigoTecnico of WSMKCriarOrdemServico',
  query: Type.Object({}),
  response: Type.Object({ Tecnicos: Type.Array(Type.Object({ codtecnico: Type.Integer(), nome: Type.String() })) }),
  async handler({ deps }) {
    return { Tecnicos: (await listTechnicians(deps.db, true)).map((t) => ({ codtecnico: t.id, nome: t.name })) };
  },
});
