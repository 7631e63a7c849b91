import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listTechnicians } from '../service-orders.service.ts';

export const wsmkConsultaTecnicos = defineMkEndpoint({
  id: 'WSMKConsultaTecnicos',
  service: ALL_SERVICES,
  summary: 'Every technician (active and inactive) with contact data and situacao',
  query: Type.Object({}),
  response: Type.Object({
    Tecnicos: Type.Array(
      Type.Object({ cd_tecnico: Type.Integer(), email: Type.String(), fone: Type.String(), nome: Type.String(), situacao: Type.String() }),
    ),
  }),
  async handler({ deps }) {
    const rows = await listTechnicians(deps.db, false);
    return {
      Tecnicos: rows.map((t) => ({
        cd_tecnico: t.id,
        email: t.email ?? '',
        fone: t.phone ?? '',
        nome: t.name,
        situacao: t.active ? 'Ativo' : 'Inativo',
      })),
    };
  },
});
