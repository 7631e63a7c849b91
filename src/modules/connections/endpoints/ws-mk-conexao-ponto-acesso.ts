import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { TECHNOLOGY_TEXT } from '../connections.mappers.ts';
import { accessPoints } from '../network.service.ts';

export const wsmkConexaoPontoAcesso = defineMkEndpoint({
  id: 'WSMKConexaoPontoAcesso',
  service: ALL_SERVICES,
  summary: 'Active access points (source of CodigoPontoAcesso), optionally of one company (dataConnection)',
  query: Type.Object({ dataConnection: Type.Optional(mkParam.text(40, { description: 'multi-company short name' })) }),
  response: Type.Object({
    PontosAcesso: Type.Array(
      Type.Object({
        codigo: Type.Integer(),
        descricao: Type.String(),
        servidor: Type.Union([Type.Integer(), Type.Null()]),
        tecnologia: Type.String(),
        tipo: Type.String(),
      }),
    ),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const rows = await accessPoints(deps, params.dataConnection);
    return {
      PontosAcesso: rows.map((a) => ({
        codigo: a.id,
        descricao: a.name,
        servidor: a.server_id,
        tecnologia: TECHNOLOGY_TEXT[a.technology] ?? a.technology,
        tipo: a.kind.toUpperCase(),
      })),
    };
  },
});
