import { addDays } from '../../../lib/dates.ts';
import { cnpjWithCheckDigits, cpfWithCheckDigits } from '../../../lib/documents.ts';
import type { Random } from '../../../lib/random.ts';
import {
  BUSINESS_KINDS, BUSINESS_SUFFIXES, EMAIL_DOMAINS, FEMALE_NAMES, MALE_NAMES, NAME_LINKS, SURNAMES,
} from './data-people.ts';
import { round6 } from './seed-places.ts';
import type { CityRef, CompanyRef, SeedContext, StreetRef, World } from './world.ts';
import { businessInstant, daysAgo, pickWeighted, plainAscii } from './world.ts';

export type PersonType = 'individual' | 'company' | 'pre_registration';
/** How the customer pays: drives invoice statuses, blocking and self-unblocks. */
export type PayerProfile = 'good' | 'late' | 'defaulter';

export interface CustomerDraft {
  id: number;
  company: CompanyRef;
  city: CityRef;
  street: StreetRef;
  addressNumber: string;
  latitude: number;
  longitude: number;
  condominiumId: number | null;
  personType: PersonType;
  name: string;
  tradeName: string | null;
  document: string | null;
  /** Login-friendly name stem, e.g. "maria.santos". */
  handle: string;
  phone: string;
  email: string | null;
  createdOn: string;
  payer: PayerProfile;
  sacLogin: string | null;
  sacPasswordHash: string | null;
  /** A second registration of an already registered document (ConsultaDoc "Outros"). */
  duplicate: boolean;
}

/** Keeps generated documents unique, and remembers recent people to re-register some of them. */
export class PeopleRegistry {
  readonly documents = new Set<string>();
  readonly recent: { name: string; document: string; personType: PersonType; handle: string }[] = [];

  remember(draft: CustomerDraft): void {
    if (!draft.document || draft.duplicate) return;
    this.recent.push({ name: draft.name, document: draft.document, personType: draft.personType, handle: draft.handle });
    if (this.recent.length > 64) this.recent.shift();
  }
}

function uniqueDocument(r: Random, registry: PeopleRegistry, kind: 'cpf' | 'cnpj'): string {
  for (;;) {
    const doc =
      kind === 'cpf'
        ? cpfWithCheckDigits(r.digits(9))
        : // One in ten companies gets a 2026 alphanumeric CNPJ root.
          cnpjWithCheckDigits(`${r.chance(0.1) ? r.chars(8, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ') : r.digits(8)}0001`);
    if (!registry.documents.has(doc) && !/^(.)\1+$/.test(doc)) {
      registry.documents.add(doc);
      return doc;
    }
  }
}

export function placeOnStreet(r: Random, street: StreetRef): { latitude: number; longitude: number } {
  return {
    latitude: round6(street.latitude + (r.next() - 0.5) * 0.003),
    longitude: round6(street.longitude + (r.next() - 0.5) * 0.003),
  };
}

/** A random customer of the region, without writing anything yet. */
export function draftCustomer(ctx: SeedContext, world: World, registry: PeopleRegistry, id: number): CustomerDraft {
  const { r } = ctx;
  const city = pickWeighted(r, world.cities, world.cityWeights);
  const company = world.companies[city.spec.company] as CompanyRef;
  const condos = world.condominiums.filter((c) => world.cities[c.cityIndex] === city);
  const condo = condos.length > 0 && r.chance(0.04) ? r.pick(condos) : undefined;
  const street = condo?.street ?? r.pick(r.pick(city.neighbourhoods).streets);
  const spot = condo ? { latitude: street.latitude, longitude: street.longitude } : placeOnStreet(r, street);
  const roll = r.next();
  const personType: PersonType = roll < 0.91 ? 'individual' : roll < 0.99 ? 'company' : 'pre_registration';
  const duplicateOf = personType !== 'pre_registration' && r.chance(0.005) ? registry.recent[0] : undefined;

  let name: string;
  let tradeName: string | null = null;
  let handle: string;
  let document: string | null;
  const first = r.chance(0.5) ? r.pick(FEMALE_NAMES) : r.pick(MALE_NAMES);
  const middle = r.pick(SURNAMES);
  const last = r.pick(SURNAMES);
  if (duplicateOf) {
    ({ name, document, handle } = duplicateOf);
  } else if (personType === 'company') {
    const kind = r.pick(BUSINESS_KINDS);
    tradeName = `${kind} ${last}`;
    name = `${kind} ${middle} & ${last} ${r.pick(BUSINESS_SUFFIXES)}`;
    handle = plainAscii(`${kind}${last}`).replace(/ /g, '').toLowerCase().slice(0, 24);
    document = uniqueDocument(r, registry, 'cnpj');
  } else {
    const link = r.pick(NAME_LINKS);
    name = [first, middle, link, last].filter((p) => p !== '').join(' ');
    handle = plainAscii(`${first}.${last}`).replace(/ /g, '').toLowerCase();
    document = personType === 'individual' ? uniqueDocument(r, registry, 'cpf') : r.chance(0.5) ? uniqueDocument(r, registry, 'cpf') : null;
  }
  const ageDays = r.chance(0.85) ? r.int(380, 1800) : r.int(20, 379);
  const payerRoll = r.next();
  return {
    id, company, city, street, ...spot,
    addressNumber: condo?.number ?? (r.chance(0.03) ? 'S/N' : String(r.int(1, 3999))),
    condominiumId: condo?.id ?? null,
    personType: duplicateOf?.personType ?? personType,
    name, tradeName, document, handle,
    phone: `${city.spec.ddd}9${r.int(6, 9)}${r.digits(7)}`,
    email: r.chance(0.85) ? `${handle.replace(/\./g, r.pick(['.', '_', '']))}${r.int(1, 99)}@${r.pick(EMAIL_DOMAINS)}` : null,
    createdOn: daysAgo(ctx, ageDays),
    payer: payerRoll < 0.8 ? 'good' : payerRoll < 0.92 ? 'late' : 'defaulter',
    // Most customers log into the SAC with their document; no password is set until they choose one.
    sacLogin: duplicateOf || !document ? null : document,
    sacPasswordHash: null,
    duplicate: duplicateOf !== undefined,
  };
}

/** Writes the customer with its phones and e-mail; status follows its contracts. */
export function emitCustomer(ctx: SeedContext, world: World, c: CustomerDraft, inactiveSince: Date | null): void {
  const { r, batch } = ctx;
  const created = businessInstant(r, c.createdOn);
  const business = c.personType === 'company';
  const billingElsewhere = r.chance(0.03) ? r.pick(r.pick(c.city.neighbourhoods).streets) : null;
  const updated = inactiveSince ?? (r.chance(0.3) ? businessInstant(r, addDays(c.createdOn, r.int(1, 300))) : created);
  batch.add('customers', {
    id: c.id, company_id: c.company.id, person_type: c.personType, name: c.name, trade_name: c.tradeName,
    document: c.document, id_card_number: c.personType === 'individual' ? r.digits(9) : null,
    state_registration: business ? (r.chance(0.6) ? r.digits(10) : 'ISENTO') : null,
    birth_date: business || c.personType === 'pre_registration' ? null : daysAgo(ctx, r.int(18 * 365, 80 * 365)),
    mother_name: c.personType === 'individual' && r.chance(0.7) ? `${r.pick(FEMALE_NAMES)} ${r.pick(SURNAMES)} ${r.pick(SURNAMES)}` : null,
    classification_id: business ? world.classificationIds.business : c.condominiumId ? world.classificationIds.condominium : world.classificationIds.residential,
    reseller_id: r.chance(0.02) ? r.pick(world.resellerIds) : null,
    attendance_group_id: r.chance(0.1) ? r.pick(world.attendanceGroupIds) : null,
    website: business && r.chance(0.3) ? `https://www.${c.handle}.com.br` : null,
    cfop: business ? '5303' : '5307',
    consumer_class: business ? '01' : '03',
    tags: r.chance(0.05) ? [r.pick(['VIP', 'CONDOMINIO', 'RURAL', 'INDICACAO'])] : [],
    status: inactiveSince ? 'inactive' : 'active',
    sac_login: c.sacLogin, sac_password_hash: c.sacPasswordHash,
    sac_password_changed_at: c.sacPasswordHash ? created : null,
    street_id: c.street.id, address_number: c.addressNumber, address_complement: r.chance(0.2) ? r.pick(['Casa 2', 'Fundos', 'Apto 12', 'Bloco B', 'Sobrado']) : null,
    cep: c.street.cep, condominium_id: c.condominiumId, latitude: c.latitude, longitude: c.longitude,
    billing_street_id: billingElsewhere?.id ?? null, billing_address_number: billingElsewhere ? String(r.int(1, 999)) : null,
    billing_address_complement: null, billing_cep: billingElsewhere?.cep ?? null, billing_condominium_id: null,
    notes: null, created_at: created, updated_at: updated, inactivated_at: inactiveSince,
  });
  batch.add('customer_phones', {
    id: ctx.ids.next('customer_phones'), customer_id: c.id, phone: c.phone, kind: 'mobile',
    whatsapp: r.chance(0.8), is_primary: true,
  });
  if (r.chance(0.25)) {
    batch.add('customer_phones', {
      id: ctx.ids.next('customer_phones'), customer_id: c.id, phone: `${c.city.spec.ddd}3${r.digits(7)}`,
      kind: business ? 'commercial' : 'landline', whatsapp: false, is_primary: false,
    });
  }
  if (c.email) {
    batch.add('customer_emails', {
      id: ctx.ids.next('customer_emails'), customer_id: c.id, email: c.email, is_primary: true, receives_invoices: true,
    });
  }
}
