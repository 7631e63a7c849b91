import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { queryTemplate } from '../../db/query-template.ts';
import type { Tx } from '../../db/transaction.ts';
import { type JsonSession, latestRadiusSessionJson, sessionFromJson } from '../radius/sessions.repository.ts';

type Conn = Db | Tx;

export interface ConnectionRow {
  id: number;
  customer_id: number;
  contract_id: number;
  username: string;
  mac_address: string | null;
  technology: string;
  blocked: boolean;
  block_reason: string | null;
  reduced: boolean;
  created_at: Date;
  latitude: number | null;
  longitude: number | null;
  cep: string | null;
  street_name: string | null;
  address_number: string | null;
  neighbourhood_name: string | null;
  city_name: string | null;
  plan_name: string;
  ip: string | null;
}

export interface ConnectionFilter {
  blocked?: boolean;
  blockReason?: string;
}

/**
 * A customer (one row, or none when it does not exist) left-joined to its connections, each with
 * the address it is installed at (its own, or the customer's when `use_customer_address`), the
 * plan name and the IP: the static address, else the framed IP of the latest accounting session.
 */
function customerConnectionsQuery(db: Conn, f: ConnectionFilter & { customerId: number }) {
  return db
    .selectFrom('customers as p')
    .leftJoin('connections as cn', (j) => {
      let on = j.onRef('cn.customer_id', '=', 'p.id').on('cn.disabled_at', 'is', null);
      if (f.blocked !== undefined) on = on.on('cn.blocked', '=', f.blocked);
      if (f.blockReason !== undefined) on = on.on('cn.block_reason', '=', f.blockReason);
      return on;
    })
    .leftJoin('access_plans as ap', 'ap.id', 'cn.access_plan_id')
    .leftJoin('street_details as sd', (j) =>
      j.on(sql<boolean>`sd.street_id = case when cn.use_customer_address then p.street_id else cn.street_id end`),
    )
    .leftJoin('ip_addresses as ia', 'ia.id', 'cn.ip_address_id')
    .select([
      'p.name as customer_name',
      'cn.id',
      'cn.contract_id',
      'cn.username',
      'cn.mac_address',
      'cn.technology',
      'cn.blocked',
      'cn.block_reason',
      'cn.reduced',
      'cn.created_at',
      sql<number | null>`coalesce(cn.latitude, case when cn.use_customer_address then p.latitude end)`.as('latitude'),
      sql<number | null>`coalesce(cn.longitude, case when cn.use_customer_address then p.longitude end)`.as('longitude'),
      sql<string | null>`case when cn.use_customer_address then p.cep else cn.cep end`.as('cep'),
      'sd.street_name',
      sql<string | null>`case when cn.use_customer_address then p.address_number else cn.address_number end`.as('address_number'),
      'sd.neighbourhood_name',
      'sd.city_name',
      'ap.name as plan_name',
      sql<string | null>`coalesce(host(ia.address), (
        select host(r.framedipaddress) from radacct r
        where lower(r.username) = lower(cn.username) and r.framedipaddress is not null
        order by r.acctstarttime desc nulls last limit 1), (
        select host(s.framed_ip) from connection_sessions s
        where s.connection_id = cn.id and s.framed_ip is not null order by s.started_at desc limit 1))`.as('ip'),
    ])
    .where('p.id', '=', f.customerId)
    .orderBy('cn.id');
}

const runCustomerConnections = queryTemplate(customerConnectionsQuery);

/** The customer and its connections (not disabled, matching the filter) in one query; undefined: no such customer. */
export async function findCustomerWithConnections(
  db: Conn,
  customerId: number,
  filter: ConnectionFilter = {},
): Promise<{ customer: { id: number; name: string }; connections: ConnectionRow[] } | undefined> {
  const rows = await runCustomerConnections(db, { customerId, ...filter });
  const first = rows[0];
  if (!first) return undefined;
  const connections = rows
    .filter((row) => row.id !== null)
    .map(({ customer_name: _, ...row }) => ({ ...row, customer_id: customerId }) as ConnectionRow);
  return { customer: { id: customerId, name: first.customer_name }, connections };
}

/** The connection and what self-unblock decides on, locked against a concurrent request. */
export async function lockConnectionForUnblock(tx: Tx, id: number) {
  return tx
    .selectFrom('connections as cn')
    .innerJoin('contracts as k', 'k.id', 'cn.contract_id')
    .innerJoin('blocking_rules as br', 'br.id', 'k.blocking_rule_id')
    .select([
      'cn.id',
      'cn.blocked',
      'cn.block_reason',
      'cn.reduced',
      'cn.self_unblock_allowed',
      'cn.disabled_at',
      'k.status as contract_status',
      'br.self_unblock_days',
      'br.self_unblocks_per_month',
    ])
    .where('cn.id', '=', id)
    .forUpdate('cn')
    .executeTakeFirst();
}

/** Self-unblocks of the connection in the São Paulo calendar month of `now`. */
export async function countSelfUnblocksThisMonth(db: Conn, connectionId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('connection_self_unblocks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('connection_id', '=', connectionId)
    .where(
      'requested_at',
      '>=',
      sql<Date>`(date_trunc('month', ${now}::timestamptz at time zone 'America/Sao_Paulo') at time zone 'America/Sao_Paulo')`,
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSelfUnblock(
  tx: Tx,
  row: { connectionId: number; at: Date; days: number; until: Date; channel: 'api' | 'api_v2'; wasBlocked: boolean; wasReduced: boolean; previousReason: string | null },
) {
  await tx
    .insertInto('connection_self_unblocks')
    .values({
      connection_id: row.connectionId,
      requested_at: row.at,
      days: row.days,
      unblocked_until: row.until,
      channel: row.channel,
      was_blocked: row.wasBlocked,
      was_reduced: row.wasReduced,
      previous_block_reason: row.previousReason,
    })
    .execute();
}

/**
 * The latest accounting session of the connection, with its NAS: FreeRADIUS's radacct or our own,
 * whichever started last (null: none); undefined when the connection does not exist. One query.
 */
const latestSessionQuery = (db: Conn, args: { connectionId: number }) =>
  db
    .selectFrom('connections as cn')
    .select([
      latestRadiusSessionJson.as('radius'),
      sql<JsonSession | null>`(
        select json_build_object(
                 'username', s.username,
                 'framed_ip', host(s.framed_ip),
                 'started_at', s.started_at,
                 'stopped_at', s.stopped_at,
                 'input_bytes', s.input_bytes,
                 'output_bytes', s.output_bytes,
                 'nas_ip', host(sv.ip_address))
          from connection_sessions s
          left join servers sv on sv.id = coalesce(s.server_id, cn.server_id)
         where s.connection_id = cn.id
         order by s.started_at desc
         limit 1)`.as('own'),
    ])
    .where('cn.id', '=', args.connectionId);

const runLatestSession = queryTemplate(latestSessionQuery);

export async function latestSession(db: Conn, connectionId: number) {
  const [row] = await runLatestSession(db, { connectionId });
  if (!row) return undefined;
  const radius = row.radius ? sessionFromJson(row.radius) : null;
  const own = row.own ? sessionFromJson(row.own) : null;
  if (radius && (!own || radius.started_at.getTime() >= own.started_at.getTime())) return radius;
  return own;
}

