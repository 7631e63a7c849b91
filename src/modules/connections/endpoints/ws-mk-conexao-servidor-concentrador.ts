import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { servers } from '../network.service.ts';

export const wsmkConexaoServidorConcentrador = defineMkEndpoint({
  id: 'WSMKConexaoServidorConcentrador',
  service: ALL_SERVICES,
  summary: 'Active servers/concentrators (source of CodigoServidor), optionally of one company (dataConnection)',
  query: Type.Object({ dataConnection: Type.Optional(mkParam.text(40, { description: 'multi-company short name' })) }),
  response: Type.Object({
    Servidores: Type.Array(Type.Object({ codigo: Type.Integer(), descricao: Type.String(), ip: Type.String(), tipo: Type.String() })),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const rows = await servers(deps, params.dataConnection);
    return { Servidores: rows.map((s) => ({ codigo: s.id, descricao: s.name, ip: s.ip, tipo: s.kind })) };
  },
});
