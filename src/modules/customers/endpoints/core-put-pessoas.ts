import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCorePerson } from '../customers.mappers.ts';
import { corePerson } from '../customers.schemas.ts';
import { personById } from '../customers.service.ts';
import { updatePerson } from '../update.service.ts';

const opt = Type.Optional;

export const corePutPessoas = defineCoreEndpoint({
  id: 'core:PUT /pessoas',
  method: 'PUT',
  path: '/pessoas',
  service: ALL_SERVICES,
  summary: 'Partial update; changing estado requires cidade, cidade requires bairro, bairro requires logradouro; a new CEP changes only the CEP',
  query: Type.Object({
    id: mkParam.id({ description: 'código do cadastro do cliente' }),
    tipo: opt(mkParam.oneOf(['1', '2', '3'] as const)),
    email: opt(mkParam.text(254)),
    classificacao: opt(mkParam.id()),
    nascimento: opt(mkParam.date({ description: 'AAAA-MM-DD' })),
    fone: opt(mkParam.text(20, { description: 'DDD + número, ex.: 51999999999' })),
    estadoId: opt(mkParam.integer(1, 99)),
    estadoCobrancaId: opt(mkParam.integer(1, 99)),
    cidadeId: opt(mkParam.id()),
    cidadeCobrancaId: opt(mkParam.id()),
    bairroId: opt(mkParam.id()),
    bairroCobrancaId: opt(mkParam.id()),
    logradouroId: opt(mkParam.id()),
    logradouroCobrancaId: opt(mkParam.id()),
    numero: opt(mkParam.text(10)),
    numeroCobranca: opt(mkParam.text(10)),
    cep: opt(mkParam.text(10)),
    cepCobranca: opt(mkParam.text(10)),
  }),
  response: corePerson,
  async handler({ params: p, deps, caller }) {
    await updatePerson(deps, caller, {
      id: p.id,
      typeCode: p.tipo,
      email: p.email,
      classificationId: p.classificacao,
      birthDate: p.nascimento,
      phone: p.fone,
      address: { stateId: p.estadoId, cityId: p.cidadeId, neighbourhoodId: p.bairroId, streetId: p.logradouroId, number: p.numero, cep: p.cep },
      billing: {
        stateId: p.estadoCobrancaId,
        cityId: p.cidadeCobrancaId,
        neighbourhoodId: p.bairroCobrancaId,
        streetId: p.logradouroCobrancaId,
        number: p.numeroCobranca,
        cep: p.cepCobranca,
      },
    });
    const { person, company } = await personById(deps.db, p.id);
    return toCorePerson(person, company);
  },
});
