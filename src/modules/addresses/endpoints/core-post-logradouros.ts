import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { coreStreet, toCoreStreet } from '../addresses.schemas.ts';
import { createStreet } from '../addresses.service.ts';

export const corePostLogradouros = defineCoreEndpoint({
  id: 'core:POST /logradouros',
  method: 'POST',
  path: '/logradouros',
  service: ALL_SERVICES,
  summary: 'Creates a street in a neighbourhood of the given city; the same name twice in a neighbourhood is refused',
  query: Type.Object({
    nome: mkParam.text(150, { description: 'nome do logradouro, com o tipo ("Rua …")' }),
    cep: mkParam.text(10, { description: 'CEP (8 dígitos, pontuação aceita)' }),
    bairroId: mkParam.id({ description: 'código do bairro' }),
    cidadeId: mkParam.id({ description: 'código da cidade (a do bairro)' }),
  }),
  response: coreStreet,
  async handler({ params, deps, caller }) {
    return toCoreStreet(
      await createStreet(deps, caller, { name: params.nome, cep: params.cep, neighbourhoodId: params.bairroId, cityId: params.cidadeId }),
    );
  },
});
