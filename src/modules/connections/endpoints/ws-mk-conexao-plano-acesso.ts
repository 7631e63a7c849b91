import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { plansOfServer } from '../network.service.ts';

export const wsmkConexaoPlanoAcesso = defineMkEndpoint({
  id: 'WSMKConexaoPlanoAcesso',
  service: ALL_SERVICES,
  summary: 'Active access plans a server delivers (source of CodigoPlanoAcesso for WSMKCriarConexao)',
  query: Type.Object({ CodigoServidor: mkParam.id({ description: 'server code (WSMKConexaoServidorConcentrador)' }) }),
  response: Type.Object({
    CodigoServidor: Type.Integer(),
    Planos: Type.Array(
      Type.Object({
        codigo: Type.Integer(),
        descricao: Type.String(),
        download: Type.Integer({ description: 'kbps' }),
        upload: Type.Integer({ description: 'kbps' }),
        valor: Type.Number(),
      }),
    ),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps }) {
    const plans = await plansOfServer(deps, params.CodigoServidor);
    return {
      CodigoServidor: params.CodigoServidor,
      Planos: plans.map((p) => ({
        codigo: p.id,
        descricao: p.name,
        download: p.download_kbps ?? 0,
        upload: p.upload_kbps ?? 0,
        valor: Number(p.price_cents) / 100,
      })),
    };
  },
});
