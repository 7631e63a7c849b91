import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { invalid } from '../../addresses/address-input.ts';
import { type NewPerson, type PersonParamNames, registerPerson } from '../registration.service.ts';

const CONSUMER_CLASSES = ['01', '02', '03', '04', '05', '06', '07', '08', '99'] as const;
const opt = Type.Optional;


const NAMES: PersonParamNames = {
  document: 'doc',
  type: 'tipo_cadastro',
  name: 'nome',
  email: 'email',
  phone: 'fone',
  birthDate: 'nascimento',
  company: 'cd_empresa',
  classification: 'classificacao',
  reseller: 'revenda',
  attendanceGroup: 'grupo_atend',
  sacLogin: 'user_sac',
  sacPassword: 'senha_sac',
  latitude: 'lat',
  address: { state: 'cd_uf', city: 'cd_cidade', neighbourhood: 'cd_bairro', street: 'cd_logradouro', number: 'numero', cep: 'cep' },
  billing: {
    state: 'coduf_cobranca',
    city: 'codcidade_cobranca',
    neighbourhood: 'codbairro_cobranca',
    street: 'codlogradouro_cobranca',
    number: 'numero_cobranca',
    cep: 'cep_cobranca',
    condominium: 'codcondominio_cobranca',
  },
};

const query = Type.Object({
  doc: mkParam.document({ description: 'CPF ou CNPJ' }),
  nome: mkParam.text(152, { description: 'nome completo (aspas simples aceitas)' }),
  cep: mkParam.text(10),
  cd_uf: mkParam.integer(1, 99),
  cd_cidade: mkParam.id(),
  cd_bairro: mkParam.id(),
  cd_logradouro: mkParam.id(),
  numero: mkParam.text(10),
  complemento: opt(mkParam.text(102)),
  cd_empresa: opt(mkParam.id()),
  email: mkParam.text(254),
  nascimento: opt(mkParam.date()),
  fone: mkParam.text(20),
  lat: opt(Type.Number({ minimum: -90, maximum: 90 })),
  lon: opt(Type.Number({ minimum: -180, maximum: 180 })),
  nome_mae: opt(mkParam.text(152)),
  rg: opt(mkParam.text(20)),
  user_sac: opt(Type.String({ pattern: '^[A-Za-z0-9._@-]{3,60}$', 'x-hint': '3 a 60 letras, dígitos, . _ @ -' })),
  senha_sac: opt(Type.String({ minLength: 6, maxLength: 72, 'x-hint': 'de 6 a 72 caracteres', 'x-log': 'sensitive' })),
  tipo_cadastro: opt(mkParam.oneOf(['1', '2', '3'] as const)),
  grupo_atend: opt(mkParam.id()),
  revenda: opt(mkParam.id()),
  site: opt(mkParam.text(200)),
  cfop: opt(Type.String({ pattern: '^[0-9]{4}$', 'x-hint': '4 dígitos' })),
  cliente_com: opt(mkParam.oneOf(CONSUMER_CLASSES)),
  whatsapp: opt(mkParam.oneOf(['S', 'N'] as const)),
  codcondominio_cobranca: opt(mkParam.id()),
  coduf_cobranca: opt(mkParam.integer(1, 99)),
  codcidade_cobranca: opt(mkParam.id()),
  codlogradouro_cobranca: opt(mkParam.id()),
  numero_cobranca: opt(mkParam.text(10)),
  cep_cobranca: opt(mkParam.text(10)),
  complemento_cobranca: opt(mkParam.text(102)),
});

type Params = typeof query.static;

const missing = (param: string, because: string) =>
  new MkError('missingParam', `Parâmetro obrigatório não informado: ${param} (${because}).`);

/** coduf_cobranca ⇒ codcidade_cobranca ⇒ codlogradouro/numero/cep_cobranca; or a condominium alone. */
function billingOf(p: Params): NewPerson['billing'] {
  const complement = p.complemento_cobranca;
  const explicit = [p.coduf_cobranca, p.codcidade_cobranca, p.codlogradouro_cobranca, p.numero_cobranca, p.cep_cobranca];
  if (p.codcondominio_cobranca !== undefined) {
    if (explicit.some((v) => v !== undefined)) {
      throw invalid('codcondominio_cobranca', 'o condomínio já preenche o endereço de cobrança; não envie os demais campos');
    }
    return { condominiumId: p.codcondominio_cobranca, complement };
  }
  if (explicit.every((v) => v === undefined)) {
    if (complement !== undefined) throw missing('codcidade_cobranca', 'complemento_cobranca informado');
    return undefined;
  }
  if (p.codcidade_cobranca === undefined) throw missing('codcidade_cobranca', 'endereço de cobrança informado');
  if (p.codlogradouro_cobranca === undefined) throw missing('codlogradouro_cobranca', 'codcidade_cobranca informado');
  if (p.numero_cobranca === undefined) throw missing('numero_cobranca', 'codcidade_cobranca informado');
  if (p.cep_cobranca === undefined) throw missing('cep_cobranca', 'codcidade_cobranca informado');
  return {
    stateId: p.coduf_cobranca,
    cityId: p.codcidade_cobranca,
    streetId: p.codlogradouro_cobranca,
    number: p.numero_cobranca,
    cep: p.cep_cobranca,
    complement,
  };
}

export const wsmkNovaPessoa = defineMkEndpoint({
  id: 'WSMKNovaPessoa',
  service: ALL_SERVICES,
  summary: 'Creates a customer (PF, PJ or pre-registration); a document already registered is refused (009)',
  query,
  response: Type.Object({ CodigoPessoa: Type.Integer(), Nome: Type.String() }),
  async handler({ params: p, deps, caller }) {
    const input: NewPerson = {
      document: p.doc,
      typeCode: p.tipo_cadastro,
      name: p.nome,
      email: p.email,
      phone: p.fone,
      whatsapp: p.whatsapp === 'S',
      birthDate: p.nascimento,
      companyId: p.cd_empresa,
      resellerId: p.revenda,
      attendanceGroupId: p.grupo_atend,
      motherName: p.nome_mae,
      idCard: p.rg,
      website: p.site,
      cfop: p.cfop,
      consumerClass: p.cliente_com,
      sacLogin: p.user_sac,
      sacPassword: p.senha_sac,
      latitude: p.lat,
      longitude: p.lon,
      address: {
        stateId: p.cd_uf,
        cityId: p.cd_cidade,
        neighbourhoodId: p.cd_bairro,
        streetId: p.cd_logradouro,
        number: p.numero,
        cep: p.cep,
        complement: p.complemento,
      },
      billing: billingOf(p),
    };
    const id = await registerPerson(deps, caller, input, NAMES);
    return { CodigoPessoa: id, Nome: input.name.replace(/\s+/g, ' ').trim() };
  },
});
