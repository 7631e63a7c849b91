import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Conn = Db | Tx;

export async function findCompanyByShortName(db: Conn, shortName: string) {
  return db.selectFrom('companies').select(['id']).where(sql<string>`lower(short_name)`, '=', shortName.toLowerCase()).executeTakeFirst();
}

export async function listServers(db: Conn, companyId: number | undefined) {
  let q = db
    .selectFrom('servers')
    .select(['id', 'name', 'kind', sql<string>`host(ip_address)`.as('ip')])
    .where('active', '=', true);
  if (companyId !== undefined) q = q.where('company_id', '=', companyId);
  return q.orderBy('id').execute();
}

export async function findServer(db: Conn, id: number) {
  return db.selectFrom('servers').select(['id', 'company_id', 'active']).where('id', '=', id).executeTakeFirst();
}

/** Active internet plans the concentrator delivers (server_access_plans). */
export async function listServerPlans(db: Conn, serverId: number) {
  return db
    .selectFrom('server_access_plans as sp')
    .innerJoin('access_plans as p', 'p.id', 'sp.access_plan_id')
    .select(['p.id', 'p.name', 'p.download_kbps', 'p.upload_kbps', 'p.price_cents'])
    .where('sp.server_id', '=', serverId)
    .where('p.active', '=', true)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

export async function listAccessPoints(db: Conn, companyId: number | undefined) {
  let q = db
    .selectFrom('access_points')
    .select(['id', 'name', 'kind', 'technology', 'server_id'])
    .where('active', '=', true);
  if (companyId !== undefined) q = q.where('company_id', '=', companyId);
  return q.orderBy('id').execute();
}

export async function findAccessPoint(db: Conn, id: number) {
  return db.selectFrom('access_points').select(['id', 'company_id', 'server_id', 'active']).where('id', '=', id).executeTakeFirst();
}

/**
 * Addresses of the active static pools of the server (the pool of the access point, or one not
 * tied to an access point) that are neither reserved nor held by a connection.
 */
export async function listFreeIps(db: Conn, serverId: number, accessPointId: number) {
  return db
    .selectFrom('ip_addresses as ia')
    .innerJoin('ip_pools as pl', 'pl.id', 'ia.ip_pool_id')
    .select(['ia.id', sql<string>`host(ia.address)`.as('ip'), 'pl.name as pool'])
    .where('pl.kind', '=', 'static')
    .where('pl.active', '=', true)
    .where('pl.server_id', '=', serverId)
    .where((eb) => eb.or([eb('pl.access_point_id', '=', accessPointId), eb('pl.access_point_id', 'is', null)]))
    .where('ia.reserved', '=', false)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('connections as cn').select('cn.id').whereRef('cn.ip_address_id', '=', 'ia.id'))))
    .orderBy('ia.address')
    .execute();
}

/** Whether the address is assignable now through that server/access point (same rule as the list). */
export async function findFreeIp(db: Conn, ipId: number, serverId: number, accessPointId: number) {
  return db
    .selectFrom('ip_addresses as ia')
    .innerJoin('ip_pools as pl', 'pl.id', 'ia.ip_pool_id')
    .select(['ia.id', 'ia.ip_pool_id'])
    .where('ia.id', '=', ipId)
    .where('pl.kind', '=', 'static')
    .where('pl.active', '=', true)
    .where('pl.server_id', '=', serverId)
    .where((eb) => eb.or([eb('pl.access_point_id', '=', accessPointId), eb('pl.access_point_id', 'is', null)]))
    .where('ia.reserved', '=', false)
    .executeTakeFirst();
}
