import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { formatDateTimeBr } from '../../../lib/dates.ts';
import { selfUnblock } from '../connections.service.ts';
import { wireDateTime } from '../../../http/wire-schemas.ts';

export const wsmkAutoDesbloqueioV2 = defineMkEndpoint({
  id: 'WSMKAutoDesbloqueioV2',
  service: ALL_SERVICES,
  summary: 'Self-unblock that also lifts the reduced speed (works on a connection only reduced for non-payment)',
  query: Type.Object({
    cd_conexao: mkParam.id({ description: 'connection blocked or reduced for non-payment' }),
    diasexcecao: Type.Optional(mkParam.integer(1, 30, { description: 'days unblocked; default from the blocking rule' })),
  }),
  response: Type.Object({
    CodigoConexao: Type.Integer(),
    DesbloqueadaAte: wireDateTime('DD/MM/YYYY HH:MM:SS'),
    Mensagem: Type.String(),
    status: Type.Literal('OK'),
  }),
  async handler({ params, deps, caller }) {
    const done = await selfUnblock(deps, caller, { connectionId: params.cd_conexao, days: params.diasexcecao, v2: true });
    return {
      CodigoConexao: done.connectionId,
      DesbloqueadaAte: formatDateTimeBr(done.until),
      Mensagem: 'Conexão desbloqueada e retirada da velocidade reduzida.',
    };
  },
});
