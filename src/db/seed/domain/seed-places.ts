import { cnpjWithCheckDigits } from '../../../lib/documents.ts';
import { CITIES, CONDOMINIUM_NAMES, NEIGHBOURHOODS, STREET_NAMES } from './data-places.ts';
import type { CityRef, CondominiumRef, NeighbourhoodRef, SeedContext, StreetRef } from './world.ts';
import { businessInstant, daysAgo } from './world.ts';

export type CityBase = Omit<CityRef, 'olt' | 'tower'>;

export interface CompanyBase {
  id: number;
  pixKey: string;
  merchantName: string;
  merchantCity: string;
}

const STATE_IDS: Record<string, number> = { PR: 16, SP: 25, MG: 13 };

/** Address structure of the ISP's region: cities, neighbourhoods, streets with CEPs, condomínios. */
export function seedAddresses(ctx: SeedContext): { cities: CityBase[]; condominiums: CondominiumRef[] } {
  const { r, batch, ids } = ctx;
  const registered = businessInstant(r, daysAgo(ctx, 1500));
  const cities: CityBase[] = [];
  for (const spec of CITIES) {
    const stateId = STATE_IDS[spec.uf];
    if (stateId === undefined) throw new Error(`no state id for ${spec.uf}`);
    const cityId = ids.next('cities');
    batch.add('cities', {
      id: cityId, state_id: stateId, name: spec.name, ibge_code: spec.ibge,
      created_at: registered, updated_at: registered,
    });
    // Small towns have one CEP for every street (e.g. 86210-000); larger ones one CEP per street.
    const singleCep = spec.weight <= 2 ? `${spec.cepPrefix}0000` : null;
    if (singleCep) batch.add('postal_codes', { cep: singleCep, city_id: cityId, neighbourhood_id: null, street_id: null });
    const count = Math.min(NEIGHBOURHOODS.length, Math.max(4, Math.round(3 + spec.weight * 0.55)));
    const spread = spec.weight >= 20 ? 0.05 : 0.02;
    const neighbourhoods: NeighbourhoodRef[] = [];
    let streetSeq = 0;
    for (const name of r.shuffle(NEIGHBOURHOODS).slice(0, count)) {
      const neighbourhoodId = ids.next('neighbourhoods');
      batch.add('neighbourhoods', {
        id: neighbourhoodId, city_id: cityId, name, created_at: registered, updated_at: registered,
      });
      const centreLat = spec.latitude + (r.next() - 0.5) * 2 * spread;
      const centreLon = spec.longitude + (r.next() - 0.5) * 2 * spread;
      const streets: StreetRef[] = [];
      for (const streetName of r.shuffle(STREET_NAMES).slice(0, r.int(8, 14))) {
        streetSeq += 1;
        const cep = singleCep ?? `${spec.cepPrefix}${String(100 + streetSeq * 7).padStart(4, '0')}`;
        const street: StreetRef = {
          id: ids.next('streets'),
          neighbourhoodId,
          cep,
          latitude: round6(centreLat + (r.next() - 0.5) * 0.008),
          longitude: round6(centreLon + (r.next() - 0.5) * 0.008),
        };
        batch.add('streets', {
          id: street.id, neighbourhood_id: neighbourhoodId, name: streetName, cep,
          created_at: registered, updated_at: registered,
        });
        if (!singleCep) {
          batch.add('postal_codes', { cep, city_id: cityId, neighbourhood_id: neighbourhoodId, street_id: street.id });
        }
        streets.push(street);
      }
      neighbourhoods.push({ id: neighbourhoodId, streets });
    }
    cities.push({ id: cityId, spec, neighbourhoods });
  }
  return { cities, condominiums: seedCondominiums(ctx, cities) };
}

function seedCondominiums(ctx: SeedContext, cities: CityBase[]): CondominiumRef[] {
  const { r, batch, ids } = ctx;
  const out: CondominiumRef[] = [];
  CONDOMINIUM_NAMES.forEach((name, i) => {
    // Big cities get the condomínios: Londrina, Cambé and Ourinhos.
    const cityIndex = [0, 2, 8][i % 3] ?? 0;
    const city = cities[cityIndex];
    if (!city) return;
    const street = r.pick(r.pick(city.neighbourhoods).streets);
    const id = ids.next('condominiums');
    const number = String(r.int(10, 2500));
    batch.add('condominiums', {
      id, name, street_id: street.id, address_number: number, cep: street.cep,
      blocks: r.int(1, 8), units: r.int(24, 320), latitude: street.latitude, longitude: street.longitude,
      active: true, created_at: businessInstant(r, daysAgo(ctx, r.int(400, 1400))),
    });
    out.push({ id, street, number, cityIndex });
  });
  return out;
}

const COMPANY_SPECS = [
  {
    legal: 'NORTE FIBRA TELECOMUNICAÇÕES LTDA', trade: 'Norte Fibra', short: 'nortefibra',
    merchant: 'NORTE FIBRA', cityIndex: 0, email: 'financeiro@nortefibra.com.br',
  },
  {
    legal: 'PARANAPANEMA NET SERVIÇOS DE INTERNET LTDA', trade: 'Paranapanema Net', short: 'paranapanemanet',
    merchant: 'PARANAPANEMA NET', cityIndex: 8, email: 'contato@paranapanemanet.com.br',
  },
] as const;

/** The ISP's own companies (multi-company), each with its PIX receiving key. */
export function seedCompanies(ctx: SeedContext, cities: CityBase[]): CompanyBase[] {
  const { r, batch, ids } = ctx;
  return COMPANY_SPECS.map((spec) => {
    const city = cities[spec.cityIndex];
    if (!city) throw new Error('company city missing');
    const street = r.pick(r.pick(city.neighbourhoods).streets);
    const cnpj = cnpjWithCheckDigits(`${r.digits(8)}0001`);
    const id = ids.next('companies');
    const merchantCity = city.spec.name.toUpperCase();
    batch.add('companies', {
      id, legal_name: spec.legal, trade_name: spec.trade, short_name: spec.short, cnpj,
      state_registration: r.digits(10), municipal_registration: r.digits(7),
      street_id: street.id, address_number: String(r.int(100, 3000)), address_complement: 'Sala 2',
      cep: street.cep, phone: `${city.spec.ddd}3${r.digits(7)}`, email: spec.email,
      pix_key: cnpj, pix_key_type: 'cnpj', pix_merchant_name: spec.merchant, pix_merchant_city: merchantCity,
      active: true, created_at: businessInstant(r, daysAgo(ctx, 2000)),
    });
    return { id, pixKey: cnpj, merchantName: spec.merchant, merchantCity };
  });
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
