// MK and core-api shapes of a person. Formatting lives here only (wire-formats §1.6).
import type { CompanyRow, PersonRow } from './customers.repository.ts';

const coordinate = (v: number | null) => (v === null ? '' : String(v));
export const situacao = (status: string) => (status === 'active' ? 'Ativo' : 'Inativo');

/** `"123"` → 123; text such as `"S/N"` stays text so nothing is lost. */
export const addressNumber = (v: string) => (/^\d{1,9}$/.test(v) ? Number(v) : v);

const MK_PERSON_TYPE: Record<string, string> = { individual: '1', company: '2', pre_registration: '3' };
export const personTypeCode = (t: string) => MK_PERSON_TYPE[t] ?? '3';

/** "Rua X, 123 - Bairro, Cidade" (ConsultaDoc's flat address, wire-formats §1.6). */
export const flatAddress = (p: PersonRow) => `${p.street_name}, ${p.address_number} - ${p.neighbourhood_name}, ${p.city_name}`;

/** ConsultaDoc's person keys, also each item of `Outros` and of ConsultaNome's list. */
export function toMkPerson(p: PersonRow) {
  return {
    CEP: p.cep,
    CodigoPessoa: p.id,
    Email: p.email ?? '',
    Endereco: flatAddress(p),
    Fone: p.phone ?? '',
    Latitude: coordinate(p.latitude),
    Longitude: coordinate(p.longitude),
    Nome: p.name,
    Situacao: situacao(p.status),
  };
}

/** Billing columns all null = same as the installation address. */
function billing(p: PersonRow) {
  if (p.billing_street_id === null) {
    return {
      streetId: p.street_id,
      street: p.street_name,
      number: p.address_number,
      complement: p.address_complement,
      cep: p.cep,
      neighbourhoodId: p.neighbourhood_id,
      neighbourhood: p.neighbourhood_name,
      cityId: p.city_id,
      city: p.city_name,
      stateId: p.state_id,
      state: p.state_abbreviation,
    };
  }
  return {
    streetId: p.billing_street_id,
    street: p.billing_street_name ?? '',
    number: p.billing_address_number ?? '',
    complement: p.billing_address_complement,
    cep: p.billing_cep ?? '',
    neighbourhoodId: p.billing_neighbourhood_id ?? p.neighbourhood_id,
    neighbourhood: p.billing_neighbourhood_name ?? '',
    cityId: p.billing_city_id ?? p.city_id,
    city: p.billing_city_name ?? '',
    stateId: p.billing_state_id ?? p.state_id,
    state: p.billing_state_abbreviation ?? '',
  };
}

const CONTRACT_STATUS: Record<string, string> = {
  active: 'Ativo',
  suspended: 'Suspenso',
  cancelled: 'Cancelado',
  awaiting_activation: 'Aguardando ativação',
};

export interface ContractSummary {
  id: number;
  status: string;
  signed_on: string;
  plan_name: string | null;
  product_name: string | null;
}

/** One WSMKConsultaClientes row (wire-formats §2). */
export function toConsultaClientesRow(p: PersonRow, contracts: ContractSummary[]) {
  const b = billing(p);
  return {
    CPF_CNPJ: p.document ?? '',
    CodigoPessoa: p.id,
    Email: p.email ?? '',
    Fone: p.phone ?? '',
    Nome: p.name,
    Situacao: situacao(p.status),
    contratos: contracts.map((k) => ({
      adesao: k.signed_on,
      codcontrato: k.id,
      plano_acesso: k.plan_name ?? k.product_name ?? '',
      status_contrato: CONTRACT_STATUS[k.status] ?? k.status,
    })),
    endereco: [
      {
        bairro: p.neighbourhood_name,
        cep: p.cep,
        cidade: p.city_name,
        complemento: p.address_complement,
        estado: p.state_abbreviation,
        latitude: coordinate(p.latitude),
        logradouro: p.street_name,
        longitude: coordinate(p.longitude),
        numero: addressNumber(p.address_number),
        tipo: 'INSTALACAO',
      },
      {
        bairro: b.neighbourhood,
        cep: b.cep,
        cidade: b.city,
        complemento: b.complement,
        estado: b.state,
        latitude: '',
        logradouro: b.street,
        longitude: '',
        numero: addressNumber(b.number),
        tipo: 'COBRANCA',
      },
    ],
  };
}

function coreCompany(c: CompanyRow | undefined) {
  if (!c) return null;
  return {
    id: c.id,
    nome: c.legal_name,
    cnpj: c.cnpj,
    ie: c.state_registration ?? '',
    endereco: `${c.street_name}, ${c.address_number} - ${c.neighbourhood_name}`,
    municipio: c.city_name,
    uf: c.state_abbreviation,
    cep: c.cep,
    fone: c.phone ?? '',
  };
}

/** The core-api person (wire-formats §2 "/core-api routes"): camelCase, the POST/PUT field names. */
export function toCorePerson(p: PersonRow, company: CompanyRow | undefined) {
  const b = billing(p);
  return {
    id: p.id,
    dataCadastro: p.created_at.toISOString(),
    nome: p.name,
    cpf: p.document ?? '',
    email: p.email ?? '',
    classificacao: p.classification_name ?? '',
    nascimento: p.birth_date,
    tipo: personTypeCode(p.person_type),
    fone: p.phone ?? '',
    estadoId: p.state_id,
    estadoCobrancaId: b.stateId,
    cidadeId: p.city_id,
    cidadeCobrancaId: b.cityId,
    bairroId: p.neighbourhood_id,
    bairroCobrancaId: b.neighbourhoodId,
    logradouroId: p.street_id,
    logradouroCobrancaId: b.streetId,
    numero: addressNumber(p.address_number),
    numeroCobranca: addressNumber(b.number),
    cep: p.cep,
    cepCobranca: b.cep,
    provedorEmpresaId: p.company_id,
    provedorEmpresa: coreCompany(company),
  };
}
