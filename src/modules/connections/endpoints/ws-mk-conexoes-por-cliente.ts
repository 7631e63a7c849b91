import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toMkConnection } from '../connections.mappers.ts';
import { connectionsResponse } from '../connections.schemas.ts';
import { connectionsOfCustomer } from '../connections.service.ts';

export const wsmkConexoesPorCliente = defineMkEndpoint({
  id: 'WSMKConexoesPorCliente',
  service: 9,
  summary: "Connections of a customer (cancelled contracts' connections left out); codconexao feeds WSMKAutoDesbloqueio",
  query: Type.Object({ cd_cliente: mkParam.id({ description: 'customer code (WSMKConsultaDoc CodigoPessoa)' }) }),
  response: connectionsResponse,
  async handler({ params, deps }) {
    const { customer, connections } = await connectionsOfCustomer(deps, params.cd_cliente);
    return { CodigoPessoa: customer.id, Nome: customer.name, Conexoes: connections.map(toMkConnection) };
  },
});
