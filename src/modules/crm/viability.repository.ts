// Nearest network boxes (CTO) with free ports, and the port claims of a reservation.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../db/transaction.ts';

type Q = Db | Tx;

export const EARTH_RADIUS_M = 6_371_008.8;
const DEG = 180 / Math.PI;
// Widens the box by ~1 cm so rounding never drops a box sitting exactly on the radius.
const MARGIN_DEG = 1e-7;

export interface BoundingBox {
  latMin: number;
  latMax: number;
  /** null when the circle reaches a pole or crosses the antimeridian: latitude alone then. */
  lonMin: number | null;
  lonMax: number | null;
}

/**
 * The smallest latitude/longitude rectangle holding every point within `radius` metres of the
 * centre (spherical cap bounds), so the btree on (latitude, longitude) prefilters the boxes.
 */
export function boundingBox(lat: number, lon: number, radius: number): BoundingBox {
  const angular = radius / EARTH_RADIUS_M;
  const latMin = lat - angular * DEG - MARGIN_DEG;
  const latMax = lat + angular * DEG + MARGIN_DEG;
  const ratio = Math.sin(angular) / Math.cos(lat / DEG);
  if (latMin <= -90 || latMax >= 90 || ratio >= 1) return { latMin: Math.max(latMin, -90), latMax: Math.min(latMax, 90), lonMin: null, lonMax: null };
  const dLon = Math.asin(ratio) * DEG + MARGIN_DEG;
  if (lon - dLon < -180 || lon + dLon > 180) return { latMin, latMax, lonMin: null, lonMax: null };
  return { latMin, latMax, lonMin: lon - dLon, lonMax: lon + dLon };
}

export interface NearestQuery {
  latitude: number;
  longitude: number;
  radiusMeters: number;
  limit: number;
  /** false only in the benchmark: the same query without the bounding box, as the baseline. */
  prefilter?: boolean;
}

/** Great-circle (haversine) distance in metres from the given point to the box. */
const distanceTo = (lat: number, lon: number) =>
  sql<number>`(2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
    power(sin(radians(b.latitude - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(b.latitude)) * power(sin(radians(b.longitude - ${lon}::float8) / 2), 2)))))`;

/** Active CTOs with at least one free port within the radius, nearest first. */
export function nearestBoxesQuery(db: Q, q: NearestQuery) {
  const bbox = boundingBox(q.latitude, q.longitude, q.radiusMeters);
  const distance = distanceTo(q.latitude, q.longitude);
  let query = db
    .selectFrom('network_boxes as b')
    .select((eb) => [
      'b.id',
      'b.code',
      'b.latitude',
      'b.longitude',
      'b.capacity',
      distance.as('distance'),
      eb
        .selectFrom('network_box_ports as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.network_box_id', '=', 'b.id')
        .where('p.status', '=', 'free')
        .as('free_ports'),
    ])
    .where('b.active', '=', true)
    .where('b.kind', '=', 'cto');
  if (q.prefilter !== false) query = query.where('b.latitude', '>=', bbox.latMin).where('b.latitude', '<=', bbox.latMax);
  if (q.prefilter !== false && bbox.lonMin !== null && bbox.lonMax !== null) {
    query = query.where('b.longitude', '>=', bbox.lonMin).where('b.longitude', '<=', bbox.lonMax);
  }
  return query
    .where((eb) =>
      eb.exists(eb.selectFrom('network_box_ports as p').select('p.id').whereRef('p.network_box_id', '=', 'b.id').where('p.status', '=', 'free')),
    )
    .where(distance, '<=', q.radiusMeters)
    .orderBy(distance)
    .orderBy('b.id')
    .limit(q.limit);
}

export const nearestBoxes = (db: Q, q: NearestQuery) => nearestBoxesQuery(db, q).execute();

/**
 * Takes the lowest free port of the box: the row lock plus `status = 'free'` in the UPDATE make a
 * port go to exactly one of two concurrent reservations (the other skips it and finds none).
 */
export async function claimFreePort(tx: Tx, boxId: number): Promise<{ id: number; number: number } | undefined> {
  const { rows } = await sql<{ id: number; number: number }>`
    update network_box_ports set status = 'reserved'
    where id = (select id from network_box_ports
                where network_box_id = ${boxId} and status = 'free'
                order by number limit 1 for update skip locked)
      and status = 'free'
    returning id, number`.execute(tx);
  return rows[0];
}

export const insertReservation = async (
  tx: Tx,
  row: { network_box_port_id: number; lead_id: number; reserved_at: Date; expires_at: Date },
) => (await tx.insertInto('port_reservations').values({ ...row, status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;

/** The lead's reservation still running (not yet freed by the expiry job and not past its end). */
export const activeReservationOfLead = (tx: Tx, leadId: number, now: Date) =>
  tx
    .selectFrom('port_reservations as r')
    .innerJoin('network_box_ports as p', 'p.id', 'r.network_box_port_id')
    .innerJoin('network_boxes as b', 'b.id', 'p.network_box_id')
    .select(['r.id', 'r.expires_at', 'p.number', 'b.code'])
    .where('r.lead_id', '=', leadId)
    .where('r.status', '=', 'active')
    .where('r.expires_at', '>', now)
    .executeTakeFirst();

export async function tryJobLock(tx: Tx, key: number): Promise<boolean> {
  const r = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}) as locked`.execute(tx);
  return r.rows[0]?.locked === true;
}

/** Ends up to `limit` reservations past their end and frees their ports; returns the ended ids. */
export async function expireReservationBatch(tx: Tx, now: Date, limit: number): Promise<number[]> {
  const ended = await tx
    .updateTable('port_reservations')
    .set({ status: 'expired', ended_at: now })
    .where('id', 'in', (eb) =>
      eb.selectFrom('port_reservations').select('id').where('status', '=', 'active').where('expires_at', '<=', now).orderBy('id').limit(limit),
    )
    .returning(['id', 'network_box_port_id'])
    .execute();
  if (ended.length > 0) {
    await tx
      .updateTable('network_box_ports')
      .set({ status: 'free' })
      .where('id', 'in', ended.map((r) => r.network_box_port_id))
      .where('status', '=', 'reserved')
      .execute();
  }
  return ended.map((r) => r.id);
}
