import { type Kysely, sql } from 'kysely';
import { hashPassword } from '../../../lib/password.ts';
import { createRandom } from '../../../lib/random.ts';
import type { DB } from '../../types.ts';
import { emitCard, emitCustomerActivity } from './activity.ts';
import { advanceIdentitySequences, Batch, IdAllocator } from './batch.ts';
import { draftLead, emitBoxesAndLeads, type LeadDraft } from './boxes-and-leads.ts';
import { type ConnectionRef, emitConnection } from './connections.ts';
import { emitContract, planContracts } from './contracts.ts';
import { type CustomerDraft, draftCustomer, emitCustomer, PeopleRegistry } from './customers.ts';
import { DEMO_CUSTOMERS, type FixedCustomer, fixedCompany, fixedIndividual } from './fixed-customers.ts';
import { emitInvoices, emitOpenOrder, type InvoiceDraft, planInvoices } from './invoices.ts';
import { ConnectionsByAccessPoint, emitOutages } from './outages.ts';
import { seedCompanyCatalog, seedRules } from './seed-catalog.ts';
import { RowWriter } from './row-writer.ts';
import { seedNetwork } from './seed-network.ts';
import { seedAddresses, seedCompanies } from './seed-places.ts';
import { seedServiceCatalog } from './seed-service-catalog.ts';
import type { SeedContext, World } from './world.ts';
import { businessInstant, createContext } from './world.ts';

export { DEMO_CUSTOMERS } from './fixed-customers.ts';

export interface SeedDomainOptions {
  /** Number of customers, the two fixed demo customers included (at least 2 are written). */
  customers: number;
  seed: number;
  now: Date;
  onProgress?: (done: number, total: number) => void;
  /** Filled with milliseconds spent inserting into each table (for the benchmark). */
  timings?: Map<string, number>;
}

const CUSTOMERS_PER_TRANSACTION = 1000;
// Transactions written concurrently while the next batch is generated (PostgreSQL runs them
// in separate backends; the embedded engine has one session and simply queues them).
const MAX_WRITES_IN_FLIGHT = 3;

/**
 * Fills every domain table with believable, deterministic demo data (same seed and `now` →
 * same rows, except the salted SAC password hashes). Needs an empty domain: throws otherwise.
 */
export async function seedDomain(db: Kysely<DB>, opts: SeedDomainOptions): Promise<Record<string, number>> {
  const existing = await sql<{ n: number }>`select (select count(*) from companies) + (select count(*) from customers) as n`.execute(db);
  if (Number(existing.rows[0]?.n ?? 0) > 0) {
    throw new Error('seedDomain: the database already has companies or customers; demo data goes into an empty database');
  }
  const operatorIds = (await db.selectFrom('operators').select('id').orderBy('id').execute()).map((o) => o.id);
  const counts: Record<string, number> = {};
  const writer = await RowWriter.open(db, counts, opts.timings);
  try {
    await seedAll(db, opts, writer, operatorIds);
  } finally {
    await writer.close();
  }
  return counts;
}

async function seedAll(db: Kysely<DB>, opts: SeedDomainOptions, writer: RowWriter, operatorIds: number[]): Promise<void> {
  const ids = new IdAllocator();
  const ctx = createContext(createRandom(opts.seed), opts.now, ids, new Batch(), operatorIds);

  const world = buildWorld(ctx, opts.customers);
  await writer.write(ctx.batch.take());

  const [individualHash, companyHash] = await Promise.all([
    hashPassword(DEMO_CUSTOMERS.individual.sacPassword),
    hashPassword(DEMO_CUSTOMERS.company.sacPassword),
  ]);
  const registry = new PeopleRegistry();
  registry.documents.add(DEMO_CUSTOMERS.individual.document);
  registry.documents.add(DEMO_CUSTOMERS.company.document);
  const sample = new ConnectionsByAccessPoint();
  const total = Math.max(2, Math.floor(opts.customers));
  let connections: ConnectionRef[] = [];
  let leads: LeadDraft[] = [];
  const inFlight: Promise<unknown>[] = [];
  for (let n = 1; n <= total; n++) {
    const id = ids.next('customers');
    const fixed = id === 1 ? fixedIndividual(ctx, world, individualHash) : id === 2 ? fixedCompany(ctx, world, companyHash) : undefined;
    const draft = fixed?.draft ?? draftCustomer(ctx, world, registry, id);
    registry.remember(draft);
    const made = seedCustomer(ctx, world, draft, fixed);
    for (const conn of made.connections) {
      connections.push(conn);
      sample.add(conn);
    }
    if (made.lead) leads.push(made.lead);
    if (n % CUSTOMERS_PER_TRANSACTION === 0 || n === total) {
      emitBoxesAndLeads(ctx, connections, leads);
      connections = [];
      leads = [];
      // Each batch only references reference rows and its own customers, so batches commute.
      const done = n;
      const write = writer.write(ctx.batch.take()).then(
        () => {
          opts.onProgress?.(done, total);
          return null;
        },
        (error: unknown) => error,
      );
      inFlight.push(write);
      if (inFlight.length >= MAX_WRITES_IN_FLIGHT) await settle(inFlight.shift());
    }
  }
  for (const write of inFlight) await settle(write);
  emitOutages(ctx, world, sample);
  await writer.write(ctx.batch.take());
  await writer.verify();
  await db.transaction().execute(async (trx) => {
    await advanceIdentitySequences(trx);
    await sql`update bank_accounts b set next_our_number = coalesce(
      (select max(our_number::bigint) from invoices i where i.bank_account_id = b.id), 0) + 1`.execute(trx);
  });
}

/** Rethrows the failure of a write started earlier (writes resolve to their error, never reject). */
async function settle(write: Promise<unknown> | undefined): Promise<void> {
  const error = await write;
  if (error) throw error;
}

function buildWorld(ctx: SeedContext, customers: number): World {
  const { cities: cityBases, condominiums } = seedAddresses(ctx);
  const companyBases = seedCompanies(ctx, cityBases);
  const rules = seedRules(ctx);
  const catalogs = companyBases.map((company, i) => seedCompanyCatalog(ctx, company, i));
  const { cities, companies, serverPools } = seedNetwork(ctx, cityBases, catalogs, customers);
  return {
    ...rules, ...seedServiceCatalog(ctx), cities, serverPools, condominiums, companies,
    cityWeights: cities.map((c) => c.spec.weight),
  };
}

/** Everything one customer owns: contracts, invoices, connections, card, tickets, orders. */
function seedCustomer(
  ctx: SeedContext, world: World, c: CustomerDraft, fixed: FixedCustomer | undefined,
): { connections: ConnectionRef[]; lead: LeadDraft | null } {
  const { r } = ctx;
  const lead = fixed ? null : draftLead(ctx, c);
  const contracts = planContracts(ctx, world, c, fixed?.contract);
  const payingByCard = contracts.find((k) => k.paymentMethod === 'card');
  const cardId = payingByCard ? emitCard(ctx, c, payingByCard.signedOn) : null;
  const connections: ConnectionRef[] = [];
  const invoices: InvoiceDraft[] = [];
  for (const k of contracts) {
    emitContract(ctx, world, c, k);
    const planned = planInvoices(ctx, world, c, k);
    emitInvoices(ctx, c, k, planned, k.paymentMethod === 'card' ? cardId : null);
    const conn = emitConnection(ctx, world, c, k, planned, k === contracts[0] ? fixed?.username : undefined);
    if (conn) connections.push(conn);
    invoices.push(...planned);
  }
  const lastCancelled = contracts.every((k) => k.status === 'cancelled') ? contracts[contracts.length - 1]?.cancelledOn : null;
  const inactiveOn = lastCancelled && r.chance(0.7) ? lastCancelled : c.duplicate && r.chance(0.5) ? c.createdOn : null;
  emitCustomer(ctx, world, c, inactiveOn ? businessInstant(r, inactiveOn) : null);
  const overdue = invoices.filter((i) => i.status === 'open');
  if (!fixed && overdue.length > 0 && r.chance(0.03)) emitOpenOrder(ctx, c, overdue);
  emitCustomerActivity(ctx, world, c, contracts, connections, invoices);
  return { connections, lead };
}
