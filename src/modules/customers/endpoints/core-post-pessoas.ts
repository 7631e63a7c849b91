import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toCorePerson } from '../customers.mappers.ts';
import { corePerson } from '../customers.schemas.ts';
import { personById } from '../customers.service.ts';
import { type NewPerson, type PersonParamNames, registerPerson } from '../registration.service.ts';

const opt = Type.Optional;

const NAMES: PersonParamNames = {
  document: 'cpf',
  type: 'tipo',
  name: 'nome',
  email: 'email',
  phone: 'fone',
  birthDate: 'nascimento',
  company: 'empresa',
  classification: 'classificacao',
  reseller: 'revenda',
  attendanceGroup: 'grupo',
  sacLogin: 'usuario',
  sacPassword: 'senha',
  latitude: 'latitude',
  address: { state: 'estadoId', city: 'cidadeId', neighbourhood: 'bairroId', street: 'logradouroId', number: 'numero', cep: 'cep' },
  billing: {
    state: 'estadocobrancaId',
    city: 'cidadeCobrancaId',
    neighbourhood: 'bairroCobrancaId',
    street: 'logradouroCobrancaId',
    number: 'numerocobranca',
    cep: 'cepCobranca',
    condominium: 'condominioCobranca',
  },
};

const query = Type.Object({
  nome: mkParam.text(150),
  cpf: mkParam.document({ description: 'CPF ou CNPJ' }),
  email: opt(mkParam.text(254)),
  classificacao: mkParam.id({ description: 'código da classificação do cadastro' }),
  nascimento: mkParam.date({ description: 'AAAA-MM-DD (DD/MM/AAAA aceito)' }),
  tipo: mkParam.oneOf(['1', '2', '3'] as const, { description: '1 PF, 2 PJ, 3 pré-cadastro' }),
  fone: mkParam.text(20, { description: 'DDD + número' }),
  estadoId: mkParam.integer(1, 99),
  estadocobrancaId: opt(mkParam.integer(1, 99, { aliases: ['estadoCobrancaId'] })),
  bairroId: mkParam.id(),
  bairroCobrancaId: opt(mkParam.id()),
  logradouroId: mkParam.id(),
  logradouroCobrancaId: opt(mkParam.id()),
  numero: mkParam.text(10),
  numerocobranca: opt(mkParam.text(10, { aliases: ['numeroCobranca'] })),
  cep: mkParam.text(10),
  cepCobranca: opt(mkParam.text(10)),
});

type Params = typeof query.static;

const missing = (param: string) =>
  new MkError('missingParam', `Parâmetro obrigatório não informado: ${param} (endereço de cobrança informado).`);

function billingOf(p: Params): NewPerson['billing'] {
  const any = [p.estadocobrancaId, p.bairroCobrancaId, p.logradouroCobrancaId, p.numerocobranca, p.cepCobranca];
  if (any.every((v) => v === undefined)) return undefined;
  if (p.logradouroCobrancaId === undefined) throw missing('logradouroCobrancaId');
  if (p.numerocobranca === undefined) throw missing('numerocobranca');
  if (p.cepCobranca === undefined) throw missing('cepCobranca');
  return {
    stateId: p.estadocobrancaId,
    neighbourhoodId: p.bairroCobrancaId,
    streetId: p.logradouroCobrancaId,
    number: p.numerocobranca,
    cep: p.cepCobranca,
  };
}

export const corePostPessoas = defineCoreEndpoint({
  id: 'core:POST /pessoas',
  method: 'POST',
  path: '/pessoas',
  service: ALL_SERVICES,
  summary: 'Creates a customer (JSON body); answers the new person as GET /pessoas/id does; duplicate document → 009',
  query,
  response: corePerson,
  async handler({ params: p, deps, caller }) {
    const id = await registerPerson(
      deps,
      caller,
      {
        document: p.cpf,
        typeCode: p.tipo,
        name: p.nome,
        email: p.email,
        phone: p.fone,
        birthDate: p.nascimento,
        classificationId: p.classificacao,
        address: { stateId: p.estadoId, neighbourhoodId: p.bairroId, streetId: p.logradouroId, number: p.numero, cep: p.cep },
        billing: billingOf(p),
      },
      NAMES,
    );
    const { person, company } = await personById(deps.db, id);
    return toCorePerson(person, company);
  },
});
