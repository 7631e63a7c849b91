import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { coordinate } from '../addresses.schemas.ts';
import { listCondominiums } from '../addresses.service.ts';

const item = Type.Object({
  codcondominio: Type.Integer(),
  nome: Type.String(),
  codlogradouro: Type.Integer(),
  logradouro: Type.String(),
  numero: Type.String(),
  cep: Type.String(),
  codbairro: Type.Integer(),
  bairro: Type.String(),
  codcidade: Type.Integer(),
  cidade: Type.String(),
  coduf: Type.Integer(),
  uf: Type.String(),
  blocos: Type.Union([Type.Integer(), Type.Null()]),
  unidades: Type.Union([Type.Integer(), Type.Null()]),
  latitude: Type.String(),
  longitude: Type.String(),
});

export const wsmkListaCondominios = defineMkEndpoint({
  id: 'WSMKListaCondominios',
  service: ALL_SERVICES,
  summary: 'Active condominiums (CodCondominio, condominio, codcondominio_cobranca) with their address',
  query: Type.Object({}),
  response: Type.Object({ Condominios: Type.Array(item) }),
  async handler({ deps }) {
    const rows = await listCondominiums(deps.db);
    return {
      Condominios: rows.map((c) => ({
        codcondominio: c.id,
        nome: c.name,
        codlogradouro: c.street_id,
        logradouro: c.street_name,
        numero: c.address_number,
        cep: c.cep,
        codbairro: c.neighbourhood_id,
        bairro: c.neighbourhood_name,
        codcidade: c.city_id,
        cidade: c.city_name,
        coduf: c.state_id,
        uf: c.state_abbreviation,
        blocos: c.blocks,
        unidades: c.units,
        latitude: coordinate(c.latitude),
        longitude: coordinate(c.longitude),
      })),
    };
  },
});
