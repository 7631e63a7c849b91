import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listGroups } from '../service-orders.service.ts';

export const wsmkOsListaGruposServico = defineMkEndpoint({
  id: 'WSMKOSListaGruposServico',
  service: ALL_SERVICES,
  summary: 'Active service groups: the CodigoGrupoServico of WSMKCriarOrdemServico',
  query: Type.Object({}),
  response: Type.Object({ GruposServico: Type.Array(Type.Object({ codgrupo: Type.Integer(), descricao: Type.String() })) }),
  async handler({ deps }) {
    return { GruposServico: (await listGroups(deps.db)).map((g) => ({ codgrupo: g.id, descricao: g.name })) };
  },
});
