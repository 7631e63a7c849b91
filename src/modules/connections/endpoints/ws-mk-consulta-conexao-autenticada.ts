import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toMkSession } from '../connections.mappers.ts';
import { sessionSchema } from '../connections.schemas.ts';
import { authenticatedSession } from '../connections.service.ts';

export const wsmkConsultaConexaoAutenticada = defineMkEndpoint({
  id: 'WSMKConsultaConexaoAutenticada',
  service: ALL_SERVICES,
  summary: 'Latest authenticated session of a connection; the same item under `conexao` (production) and `Agendas` (doc example)',
  query: Type.Object({ codconexao: mkParam.id({ description: 'connection code', aliases: ['cd_conexao'] }) }),
  response: Type.Object({ Agendas: Type.Array(sessionSchema), conexao: sessionSchema, status: Type.Literal('OK') }),
  async handler({ params, deps }) {
    const item = toMkSession(await authenticatedSession(deps, params.codconexao), deps.clock.now());
    return { conexao: item, Agendas: [item] };
  },
});
