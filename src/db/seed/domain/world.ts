import { addDays, todayInSaoPaulo } from '../../../lib/dates.ts';
import type { Random } from '../../../lib/random.ts';
import type { Batch, IdAllocator } from './batch.ts';
import type { CitySpec } from './data-places.ts';

/** Shared state of one seed run: randomness, clock, ids and the reference rows created. */
export interface SeedContext {
  r: Random;
  now: Date;
  /** `now` as a São Paulo calendar date. */
  today: string;
  ids: IdAllocator;
  batch: Batch;
  /** Operators created before the domain seed (the lead's demo access), used as authors. */
  operatorIds: number[];
}

export interface StreetRef {
  id: number;
  neighbourhoodId: number;
  cep: string;
  latitude: number;
  longitude: number;
}

export interface NeighbourhoodRef {
  id: number;
  streets: StreetRef[];
}

export interface CityRef {
  id: number;
  spec: CitySpec;
  neighbourhoods: NeighbourhoodRef[];
  /** Access points of the city and the concentrator behind each. */
  olt: { id: number; serverId: number };
  tower: { id: number; serverId: number } | null;
}

export interface CondominiumRef {
  id: number;
  street: StreetRef;
  number: string;
  cityIndex: number;
}

export interface BankAccountRef {
  id: number;
  bankCode: string;
  agency: string;
  account: string;
  wallet: string;
}

export interface PlanRef {
  id: number;
  name: string;
  priceCents: number;
  planTypeId: number;
  technology: 'ftth' | 'wireless' | null;
  business: boolean;
  active: boolean;
}

export interface CompanyRef {
  id: number;
  pixKey: string;
  merchantName: string;
  merchantCity: string;
  boletoAccount: BankAccountRef;
  cashAccountId: number;
  cardAccountId: number;
  profiles: { boleto: number; pix: number; card: number; deposit: number };
  pixEnabled: boolean;
  cardConditionIds: number[];
  plans: PlanRef[];
  crmProducts: { id: number; name: string; priceCents: number; internetPlanId: number }[];
  termIds: number[];
  salesConsultantIds: number[];
  /** The static pool in use (`next` address to hand out) and the spare /18s to move to when it is full. */
  staticPool: { id: number; base: number; next: number; spares: { id: number; base: number }[] };
  serverIds: number[];
}

/** The pools of one concentrator; cgnatBase is the integer IPv4 of its /20 CGNAT block. */
export interface ServerPools {
  mkPool: number;
  dynamicPool: number;
  ipv6Pool: number;
  cgnatBase: number;
}

export interface World {
  cities: CityRef[];
  serverPools: Map<number, ServerPools>;
  cityWeights: number[];
  condominiums: CondominiumRef[];
  companies: CompanyRef[];
  dueDateRules: { id: number; day: number; issueDaysBefore: number }[];
  slaIds: number[];
  blockingRules: { id: number; reduceAfterDays: number | null; blockAfterDays: number; selfUnblockDays: number }[];
  discounts: { punctuality: number; loyalty: number; inactivity: number; promotional: number };
  chartAccounts: { internet: number; tv: number; installation: number; equipment: number };
  classificationIds: { residential: number; business: number; condominium: number };
  resellerIds: number[];
  attendanceGroupIds: number[];
  suspensionReasonIds: number[];
  cancellationReasonIds: number[];
  invoiceSuspensionReasonIds: number[];
  ticketClassifications: { opening: number[]; closing: number[] };
  ticketProcessIds: number[];
  attendantIds: number[];
  serviceOrderTypes: { installation: number; maintenance: number; move: number; removal: number; all: number[] };
  serviceGroupIds: number[];
  technicianIds: number[];
  teamIds: number[];
}

export function createContext(r: Random, now: Date, ids: IdAllocator, batch: Batch, operatorIds: number[]): SeedContext {
  return { r, now, today: todayInSaoPaulo(now), ids, batch, operatorIds };
}

/** An instant on a São Paulo calendar date (Brazil has had no daylight saving since 2019). */
export function instant(isoDate: string, hour: number, minute = 0): Date {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return new Date(`${isoDate}T${hh}:${mm}:00-03:00`);
}

/** A random instant on a date during business hours. */
export function businessInstant(r: Random, isoDate: string): Date {
  return instant(isoDate, r.int(8, 18), r.int(0, 59));
}

export function daysAgo(ctx: SeedContext, days: number): string {
  return addDays(ctx.today, -days);
}

export function pickWeighted<T>(r: Random, items: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (const w of weights) total += w;
  let x = r.next() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

/** Uppercase ASCII without accents (logins, e-mails, PIX text). */
export function plainAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .trim();
}
