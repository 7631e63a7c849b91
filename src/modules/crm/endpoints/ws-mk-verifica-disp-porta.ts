import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { checkViability } from '../viability.service.ts';

const box = Type.Object({
  capacidade: Type.Integer(),
  cd_caixa: Type.Integer(),
  descricao: Type.String(),
  distancia: Type.Integer({ description: 'metros (círculo máximo)' }),
  latitude: Type.Number(),
  longitude: Type.Number(),
  portas_livres: Type.Integer(),
});

export const wsmkVerificaDispPorta = defineMkEndpoint({
  id: 'WSMKVerificaDispPorta',
  service: ALL_SERVICES,
  summary: 'CTO boxes with free ports within the configured radius of lat/lon, nearest first',
  query: Type.Object({
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'latitude (graus decimais)' }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'longitude (graus decimais)' }),
    cd_lead: Type.Optional(mkParam.id({ description: 'lead: sem coordenadas, recebe lat/lon' })),
  }),
  response: Type.Object({ Caixas: Type.Array(box), Raio: Type.Integer(), Viavel: Type.String() }),
  async handler({ params, deps, caller }) {
    const v = await checkViability(deps, caller, { latitude: params.lat, longitude: params.lon, leadId: params.cd_lead });
    return {
      Caixas: v.boxes.map((b) => ({
        capacidade: b.capacity,
        cd_caixa: b.id,
        descricao: b.code,
        distancia: Math.round(b.distance),
        latitude: b.latitude,
        longitude: b.longitude,
        portas_livres: b.free_ports,
      })),
      Raio: v.radiusMeters,
      Viavel: v.boxes.length > 0 ? 'Sim' : 'Não',
    };
  },
});
