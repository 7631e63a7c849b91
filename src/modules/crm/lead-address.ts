// `endereco_lead` of WSMKInserirLead: names, not codes — "UF|cidade|bairro|rua|número|complemento|CEP".
import { callerActor, writeAudit } from '../../db/audit.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Caller } from '../../http/context.ts';
import { invalid, normalizeCep } from '../addresses/address-input.ts';
import * as addresses from '../addresses/addresses.repository.ts';
import { findStateByAbbreviation } from './crm.repository.ts';

const PARAM = 'endereco_lead';
const FIELDS = ['UF', 'cidade', 'bairro', 'rua', 'número', 'complemento', 'CEP'] as const;
const FORMAT = 'UF|cidade|bairro|rua|número|complemento|CEP';

export interface LeadAddress {
  uf: string;
  city: string;
  neighbourhood: string;
  street: string;
  number: string;
  complement: string | null;
  cep: string;
}

/** Splits and checks the 7 fields; the complement alone may be empty. */
export function parseLeadAddress(raw: string): LeadAddress {
  const parts = raw.split('|').map((p) => p.replace(/\s+/g, ' ').trim());
  if (parts.length !== FIELDS.length) {
    throw invalid(PARAM, `esperados 7 campos separados por "|" (${FORMAT}), recebidos ${parts.length}`);
  }
  const [uf, city, neighbourhood, street, number, complement, cep] = parts as [string, string, string, string, string, string, string];
  FIELDS.forEach((name, i) => {
    if (name !== 'complemento' && parts[i] === '') throw invalid(PARAM, `campo ${name} vazio (${FORMAT})`);
  });
  if (!/^[A-Za-z]{2}$/.test(uf)) throw invalid(PARAM, `UF "${uf}" deve ser a sigla do estado`);
  if (number.length > 10) throw invalid(PARAM, 'número com mais de 10 caracteres');
  for (const [name, value, max] of [['cidade', city, 120], ['bairro', neighbourhood, 120], ['rua', street, 150], ['complemento', complement, 102]] as const) {
    if (value.length > max) throw invalid(PARAM, `${name} com mais de ${max} caracteres`);
  }
  return { uf: uf.toUpperCase(), city, neighbourhood, street, number, complement: complement === '' ? null : complement, cep: normalizeCep(cep, PARAM) };
}

/**
 * The street of the address: state and city must exist (005 otherwise); the neighbourhood and
 * the street are matched case- and accent-insensitively and created when missing (audited).
 */
export async function resolveLeadStreet(tx: Tx, caller: Caller | null, a: LeadAddress, now: Date): Promise<number> {
  const state = await findStateByAbbreviation(tx, a.uf);
  if (!state) throw invalid(PARAM, `UF ${a.uf} inexistente`);
  const city = await addresses.findCityNamed(tx, state.id, a.city);
  if (!city) throw invalid(PARAM, `cidade "${a.city}" não cadastrada em ${a.uf}`);
  const actor = callerActor(caller);

  await addresses.lockParent(tx, 'city-neighbourhoods', city.id);
  let neighbourhoodId = (await addresses.findNeighbourhoodNamed(tx, city.id, a.neighbourhood))?.id;
  if (neighbourhoodId === undefined) {
    neighbourhoodId = (await addresses.insertNeighbourhood(tx, { city_id: city.id, name: a.neighbourhood })).id;
    await writeAudit(tx, { actor, action: 'create', entity: 'neighbourhood', entityId: neighbourhoodId, details: { name: a.neighbourhood, cityId: city.id, via: 'WSMKInserirLead' }, at: now });
  }

  await addresses.lockParent(tx, 'neighbourhood-streets', neighbourhoodId);
  const street = await addresses.findStreetNamed(tx, neighbourhoodId, a.street);
  if (street) return street.id;
  const created = await addresses.insertStreet(tx, { neighbourhood_id: neighbourhoodId, name: a.street, cep: a.cep });
  await writeAudit(tx, { actor, action: 'create', entity: 'street', entityId: created.id, details: { name: a.street, cep: a.cep, neighbourhoodId, via: 'WSMKInserirLead' }, at: now });
  return created.id;
}
