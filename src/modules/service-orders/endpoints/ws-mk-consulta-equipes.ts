import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listTeams } from '../service-orders.service.ts';

const member = Type.Object({ cd_tecnico: Type.Integer(), nome: Type.String() });

export const wsmkConsultaEquipes = defineMkEndpoint({
  id: 'WSMKConsultaEquipes',
  service: ALL_SERVICES,
  summary: 'Active teams under the key "Equipes:" (trailing colon, as MK sends it); team code cd_mestre, with its technicians',
  query: Type.Object({}),
  response: Type.Object({
    'Equipes:': Type.Array(
      Type.Object({ cd_mestre: Type.Integer(), descricao: Type.String(), cd_lider: Type.Union([Type.Integer(), Type.Null()]), tecnicos: Type.Array(member) }),
    ),
  }),
  async handler({ deps }) {
    const teams = await listTeams(deps.db);
    return {
      'Equipes:': teams.map((t) => ({
        cd_mestre: t.id,
        descricao: t.name,
        cd_lider: t.leader_technician_id,
        tecnicos: t.members.map((m) => ({ cd_tecnico: m.id, nome: m.name })),
      })),
    };
  },
});
