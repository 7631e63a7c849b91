import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { attendant } from '../tickets.service.ts';

export const wsmkAtendentes = defineMkEndpoint({
  id: 'WSMKAtendentes',
  service: ALL_SERVICES,
  summary: 'The attendant of a codigo_atendente (from WSMKAtendimentos); unknown code → 003',
  query: Type.Object({
    Codigo_atendente: mkParam.id({ description: 'obtido em WSMKAtendimentos', aliases: ['codigo_atendente'] }),
  }),
  response: Type.Object({
    Atendentes: Type.Array(
      Type.Object({ codigo_atendente: Type.Integer(), email: Type.String(), nome_atendente: Type.String(), situacao: Type.String() }),
    ),
  }),
  async handler({ params, deps }) {
    const a = await attendant(deps.db, params.Codigo_atendente);
    return {
      Atendentes: [{ codigo_atendente: a.id, email: a.email ?? '', nome_atendente: a.name, situacao: a.active ? 'Ativo' : 'Inativo' }],
    };
  },
});
