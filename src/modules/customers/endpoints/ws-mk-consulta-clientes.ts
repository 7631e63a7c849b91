import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toConsultaClientesRow } from '../customers.mappers.ts';
import { consultaClientesRow } from '../customers.schemas.ts';
import { customersForSync, PAGE_LIMIT } from '../customers.service.ts';

export const wsmkConsultaClientes = defineMkEndpoint({
  id: 'WSMKConsultaClientes',
  service: ALL_SERVICES,
  errorStyle: 'upperCodigoErro',
  summary: `Customers for synchronisation: bare array, at least one filter, ${PAGE_LIMIT} rows by code per call (page with cd_cliente_inicio)`,
  query: Type.Object({
    doc: Type.Optional(mkParam.document({ description: 'documento do cliente' })),
    codigo_bairro: Type.Optional(mkParam.id({ description: 'código do bairro do endereço de instalação' })),
    nome_cliente: Type.Optional(mkParam.text(150, { description: 'parte do nome (≥ 3 letras)' })),
    data_alteracao_inicio: Type.Optional(mkParam.date({ description: 'alterados a partir deste dia (São Paulo)' })),
    data_alteracao_fim: Type.Optional(mkParam.date({ description: 'alterados até este dia, inclusive' })),
    cd_cliente_inicio: Type.Optional(mkParam.rangeBound({ description: 'códigos a partir deste' })),
    cd_cliente_fim: Type.Optional(mkParam.rangeBound({ description: 'códigos até este (usado por clientes de sincronização)' })),
    cd_cliente: Type.Optional(mkParam.id({ description: 'código do cliente' })),
  }),
  response: Type.Array(consultaClientesRow),
  async handler({ params, deps }) {
    const rows = await customersForSync(deps.db, {
      document: params.doc,
      neighbourhoodId: params.codigo_bairro,
      name: params.nome_cliente,
      changedFrom: params.data_alteracao_inicio,
      changedTo: params.data_alteracao_fim,
      idFrom: params.cd_cliente_inicio,
      idTo: params.cd_cliente_fim,
      id: params.cd_cliente,
    });
    return rows.map((r) => toConsultaClientesRow(r.person, r.contracts));
  },
});
