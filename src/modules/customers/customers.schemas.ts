import { Type } from '@sinclair/typebox';

const text = Type.String();
const nullableText = Type.Union([Type.String(), Type.Null()]);
const numero = Type.Union([Type.Integer(), Type.String()], { description: 'number when numeric, else the text ("S/N")' });

export const mkPerson = Type.Object({
  CEP: text,
  CodigoPessoa: Type.Integer(),
  Email: text,
  Endereco: Type.String({ description: '"Rua X, 123 - Bairro, Cidade"' }),
  Fone: text,
  Latitude: Type.String({ description: '"" when unknown' }),
  Longitude: Type.String({ description: '"" when unknown' }),
  Nome: text,
  Situacao: Type.Union([Type.Literal('Ativo'), Type.Literal('Inativo')]),
});

const address = Type.Object({
  bairro: text,
  cep: text,
  cidade: text,
  complemento: nullableText,
  estado: text,
  latitude: text,
  logradouro: text,
  longitude: text,
  numero,
  tipo: Type.Union([Type.Literal('INSTALACAO'), Type.Literal('COBRANCA')]),
});

export const consultaClientesRow = Type.Object({
  CPF_CNPJ: text,
  CodigoPessoa: Type.Integer(),
  Email: text,
  Fone: text,
  Nome: text,
  Situacao: text,
  contratos: Type.Array(
    Type.Object({ adesao: text, codcontrato: Type.Integer(), plano_acesso: text, status_contrato: text }),
  ),
  endereco: Type.Array(address),
});

export const corePerson = Type.Object({
  id: Type.Integer(),
  dataCadastro: Type.String({ description: 'ISO 8601 instant' }),
  nome: text,
  cpf: text,
  email: text,
  classificacao: Type.String({ description: 'classification name, "" when none' }),
  nascimento: Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()]),
  tipo: Type.String({ description: '1 PF, 2 PJ, 3 pré-cadastro' }),
  fone: text,
  estadoId: Type.Integer(),
  estadoCobrancaId: Type.Integer(),
  cidadeId: Type.Integer(),
  cidadeCobrancaId: Type.Integer(),
  bairroId: Type.Integer(),
  bairroCobrancaId: Type.Integer(),
  logradouroId: Type.Integer(),
  logradouroCobrancaId: Type.Integer(),
  numero,
  numeroCobranca: numero,
  cep: text,
  cepCobranca: text,
  provedorEmpresaId: Type.Integer(),
  provedorEmpresa: Type.Union([
    Type.Object({
      id: Type.Integer(),
      nome: text,
      cnpj: text,
      ie: text,
      endereco: text,
      municipio: text,
      uf: text,
      cep: text,
      fone: text,
    }),
    Type.Null(),
  ]),
});
