import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { okOnly } from '../connections.schemas.ts';
import { selfUnblock } from '../connections.service.ts';

export const wsmkAutoDesbloqueio = defineMkEndpoint({
  id: 'WSMKAutoDesbloqueio',
  service: ALL_SERVICES,
  summary: 'Self-unblock of a connection blocked for non-payment, for diasexcecao days (default: the blocking rule)',
  query: Type.Object({
    cd_conexao: mkParam.id({ description: 'connection code (codconexao of WSMKConexoesPorCliente)' }),
    diasexcecao: Type.Optional(mkParam.integer(1, 30, { description: 'days unblocked; default from the blocking rule' })),
  }),
  response: okOnly,
  // CONFIRMED live: `{"mensagem","status"}` on refusals, `{"status":"OK"}` on success.
  errorStyle: 'actionMessage',
  async handler({ params, deps, caller }) {
    await selfUnblock(deps, caller, { connectionId: params.cd_conexao, days: params.diasexcecao, v2: false });
    return {};
  },
});
