// Network rows and connections for the connections tests, inserted straight with Kysely.
import type { Db } from '../../../src/db/database.ts';
import type { Setup } from './billing.ts';

let seq = 0;
const next = () => ++seq;

export interface Network {
  serverId: number;
  accessPointId: number;
  staticPoolId: number;
  dynamicPoolId: number;
  /** ip_addresses ids of the static pool, in address order. */
  ipIds: number[];
}

/** A concentrator with an OLT, a static pool of 4 addresses (the first reserved) and a dynamic pool. */
export async function createNetwork(db: Db, s: Setup, o: { planIds?: number[] } = {}): Promise<Network> {
  const n = next();
  const server = await db
    .insertInto('servers')
    .values({ company_id: s.companyId, name: `CONC ${n}`, ip_address: `10.${n % 250}.0.1` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ap = await db
    .insertInto('access_points')
    .values({ company_id: s.companyId, server_id: server.id, name: `OLT CONN ${n}`, kind: 'olt', technology: 'ftth' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pool = await db
    .insertInto('ip_pools')
    .values({ company_id: s.companyId, server_id: server.id, access_point_id: ap.id, name: `FIXOS ${n}`, kind: 'static', network: `100.${n % 250}.1.0/29` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dynamic = await db
    .insertInto('ip_pools')
    .values({ company_id: s.companyId, server_id: server.id, name: `DINAMICO ${n}`, kind: 'dynamic', network: `100.${n % 250}.128.0/20` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ipIds: number[] = [];
  for (let host = 1; host <= 4; host++) {
    const row = await db
      .insertInto('ip_addresses')
      .values({ ip_pool_id: pool.id, address: `100.${n % 250}.1.${host}`, reserved: host === 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ipIds.push(row.id);
  }
  for (const planId of o.planIds ?? []) {
    await db.insertInto('server_access_plans').values({ server_id: server.id, access_plan_id: planId }).execute();
  }
  return { serverId: server.id, accessPointId: ap.id, staticPoolId: pool.id, dynamicPoolId: dynamic.id, ipIds };
}

export interface ConnectionOptions {
  blocked?: 'non_payment' | 'indefinite' | 'contract_not_accepted' | null;
  reduced?: boolean;
  selfUnblockAllowed?: boolean;
  ipAddressId?: number;
  mac?: string | null;
  username?: string;
  createdAt?: Date;
}

/** A connection of the contract on the network; unblocked unless `blocked` names a reason. */
export async function addConnection(
  db: Db,
  net: Network,
  customerId: number,
  contract: { id: number; planId: number },
  o: ConnectionOptions = {},
): Promise<number> {
  const n = next();
  const blocked = o.blocked ?? null;
  const row = await db
    .insertInto('connections')
    .values({
      customer_id: customerId,
      contract_id: contract.id,
      access_plan_id: contract.planId,
      server_id: net.serverId,
      access_point_id: net.accessPointId,
      technology: 'ftth',
      ip_type: o.ipAddressId ? 'static' : 'dynamic',
      ip_address_id: o.ipAddressId ?? null,
      ip_pool_id: o.ipAddressId ? null : net.dynamicPoolId,
      username: o.username ?? `conn.user${n}`,
      password: 'segredo',
      mac_address: o.mac === undefined ? `E0:24:7F:00:00:${String(n % 100).padStart(2, '0')}` : o.mac,
      self_unblock_allowed: o.selfUnblockAllowed ?? true,
      blocked: blocked !== null,
      block_reason: blocked,
      blocked_at: blocked ? new Date('2026-11-20T12:00:00Z') : null,
      reduced: o.reduced ?? false,
      reduced_at: o.reduced ? new Date('2026-11-18T12:00:00Z') : null,
      latitude: -23.31,
      longitude: -51.16,
      ...(o.createdAt ? { created_at: o.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Audit rows of a connection, oldest first. */
export async function connectionAudit(db: Db, connectionId: number) {
  return db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'details', 'at'])
    .where('entity', '=', 'connection')
    .where('entity_id', '=', String(connectionId))
    .orderBy('id')
    .execute();
}

export async function connectionState(db: Db, id: number) {
  return db
    .selectFrom('connections')
    .select(['blocked', 'block_reason', 'reduced', 'unblocked_until', 'scheduled_block_at', 'username', 'self_unblock_allowed', 'ignore_blocking', 'billing_type', 'password'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
