import { Type } from '@sinclair/typebox';

/** core-api bodies reuse the request field names (as `/core-api/pessoas` does). */
export const coreCity = Type.Object({ id: Type.Integer(), nome: Type.String(), IBGE: Type.Integer(), estado: Type.Integer() });
export const coreNeighbourhood = Type.Object({ id: Type.Integer(), nome: Type.String(), cidadeId: Type.Integer() });
export const coreStreet = Type.Object({
  id: Type.Integer(),
  nome: Type.String(),
  cep: Type.String(),
  bairroId: Type.Integer(),
  cidadeId: Type.Integer(),
});

export const toCoreCity = (c: { id: number; name: string; ibge_code: number; state_id: number }) => ({
  id: c.id,
  nome: c.name,
  IBGE: c.ibge_code,
  estado: c.state_id,
});

export const toCoreNeighbourhood = (n: { id: number; name: string; city_id: number }) => ({
  id: n.id,
  nome: n.name,
  cidadeId: n.city_id,
});

export const toCoreStreet = (s: { id: number; name: string; cep: string; neighbourhood_id: number; city_id: number }) => ({
  id: s.id,
  nome: s.name,
  cep: s.cep,
  bairroId: s.neighbourhood_id,
  cidadeId: s.city_id,
});

export const mkState = Type.Object({ codestado: Type.Integer(), sigla: Type.String(), nome: Type.String(), ibge: Type.Integer() });

export const toMkState = (s: { id: number; abbreviation: string; name: string; ibge_code: number }) => ({
  codestado: s.id,
  sigla: s.abbreviation,
  nome: s.name,
  ibge: s.ibge_code,
});

/** Coordinates travel as strings, `""` when unknown (wire-formats §1.6). */
export const coordinate = (value: number | null): string => (value === null ? '' : String(value));
