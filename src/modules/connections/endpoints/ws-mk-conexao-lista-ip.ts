import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { freeIps } from '../network.service.ts';

export const wsmkConexaoListaIP = defineMkEndpoint({
  id: 'WSMKConexaoListaIP',
  service: ALL_SERVICES,
  summary: 'Free addresses of the static (Atribuição) pools of a server/access point: the CodigoIP of WSMKCriarConexao',
  query: Type.Object({
    CodigoPontoAcesso: mkParam.id({ description: 'access point code' }),
    CodigoServidor: mkParam.id({ description: 'server code' }),
  }),
  response: Type.Object({
    IPs: Type.Array(Type.Object({ codigo: Type.Integer(), ip: Type.String(), pool: Type.String() })),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const rows = await freeIps(deps, params.CodigoServidor, params.CodigoPontoAcesso);
    return { IPs: rows.map((r) => ({ codigo: r.id, ip: r.ip, pool: r.pool })) };
  },
});
