// Network viability (WSMKVerificaDispPorta), port reservations for leads (WSMKReservarPorta)
// and the job that frees the ports of expired reservations.
import { callerActor, writeAudit } from '../../db/audit.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { readCrmSettings } from './crm-settings.ts';
import * as repo from './crm.repository.ts';
import * as net from './viability.repository.ts';

/** How many boxes a viability answer lists at most. */
export const VIABILITY_LIMIT = 10;
const DAY = 86_400_000;

export interface NearbyBox {
  id: number;
  code: string;
  latitude: number;
  longitude: number;
  capacity: number;
  distance: number;
  free_ports: number;
}

export interface Viability {
  radiusMeters: number;
  boxes: NearbyBox[];
}

/**
 * Boxes with free ports within the configured radius, nearest first. With a lead that has no
 * coordinates yet, the checked point becomes the lead's (so WSMKReservarPorta can use it).
 */
export async function checkViability(
  deps: AppDeps,
  caller: Caller | null,
  q: { latitude: number; longitude: number; leadId?: number | undefined },
): Promise<Viability> {
  const { viabilityRadiusMeters } = await readCrmSettings(deps.db);
  if (q.leadId !== undefined) {
    const leadId = q.leadId;
    await withTransaction(deps.db, async (tx) => {
      const lead = await repo.lockLead(tx, leadId);
      if (!lead) throw new MkError('notFound');
      if (lead.latitude !== null) return;
      await repo.setLeadCoordinates(tx, leadId, q.latitude, q.longitude);
      await writeAudit(tx, {
        actor: callerActor(caller), action: 'update', entity: 'lead', entityId: leadId,
        details: { latitude: q.latitude, longitude: q.longitude, via: 'WSMKVerificaDispPorta' }, at: deps.clock.now(),
      });
    });
  }
  const boxes = (await net.nearestBoxes(deps.db, {
    latitude: q.latitude, longitude: q.longitude, radiusMeters: viabilityRadiusMeters, limit: VIABILITY_LIMIT,
  })) as NearbyBox[];
  return { radiusMeters: viabilityRadiusMeters, boxes };
}

export interface Reservation {
  reservationId: number;
  leadId: number;
  boxId: number;
  boxCode: string;
  port: number;
  distance: number;
  reservedAt: Date;
  expiresAt: Date;
}

/** Reserves the lowest free port of the nearest box (within the radius) for `days` days. */
export async function reservePort(deps: AppDeps, caller: Caller | null, leadId: number, days: number | undefined): Promise<Reservation> {
  const settings = await readCrmSettings(deps.db);
  const period = days ?? settings.defaultReservationDays;
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const lead = await repo.lockLead(tx, leadId);
    if (!lead) throw new MkError('notFound');
    if (lead.status !== 'open') throw new MkError('conflict', 'Operação recusada: a lead não está em aberto.');
    const point = await repo.findLead(tx, leadId);
    const latitude = point?.latitude ?? point?.customer_latitude ?? null;
    const longitude = point?.longitude ?? point?.customer_longitude ?? null;
    if (latitude === null || longitude === null) {
      throw new MkError('conflict', 'Operação recusada: a lead não tem coordenadas (informe lat/lon com cd_lead em WSMKVerificaDispPorta).');
    }
    const current = await net.activeReservationOfLead(tx, leadId, now);
    if (current) {
      throw new MkError('duplicate', `Registro já cadastrado: a lead já tem a porta ${current.number} da caixa ${current.code} reservada.`);
    }
    const boxes = await net.nearestBoxes(tx, { latitude, longitude, radiusMeters: settings.viabilityRadiusMeters, limit: VIABILITY_LIMIT });
    for (const box of boxes) {
      const port = await net.claimFreePort(tx, box.id);
      if (!port) continue;
      const expiresAt = new Date(now.getTime() + period * DAY);
      const reservationId = await net.insertReservation(tx, { network_box_port_id: port.id, lead_id: leadId, reserved_at: now, expires_at: expiresAt });
      await writeAudit(tx, {
        actor: callerActor(caller), action: 'reserve', entity: 'port_reservation', entityId: reservationId,
        details: { leadId, boxId: box.id, port: port.number, days: period }, at: now,
      });
      return { reservationId, leadId, boxId: box.id, boxCode: box.code, port: port.number, distance: box.distance, reservedAt: now, expiresAt };
    }
    throw new MkError('conflict', `Operação recusada: nenhuma porta livre num raio de ${settings.viabilityRadiusMeters} m da lead.`);
  });
}

// Shared by every instance of the app: only one frees expired reservations at a time.
const EXPIRY_LOCK_KEY = 0x50524553;
const EXPIRY_BATCH = 1000;

/** Ends the reservations past their end and frees their ports; returns how many ended. */
export async function expireReservations(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  let total = 0;
  for (;;) {
    const ended = await withTransaction(deps.db, async (tx) => {
      if (!(await net.tryJobLock(tx, EXPIRY_LOCK_KEY))) return null;
      const ids = await net.expireReservationBatch(tx, now, EXPIRY_BATCH);
      if (ids.length > 0) {
        await writeAudit(tx, { actor: 'system', action: 'expire', entity: 'port_reservation', entityId: null, details: { reservations: ids }, at: now });
      }
      return ids.length;
    });
    if (ended === null) return total;
    total += ended;
    if (ended < EXPIRY_BATCH) return total;
  }
}

/** Runs the expiry every `intervalMs`; returns the stopper (called when the app closes). */
export function startReservationExpiry(deps: AppDeps, intervalMs = 5 * 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => expireReservations(deps))
      .then((n) => n > 0 && deps.log.info({ expired: n }, 'port reservations expired'))
      .catch((err) => deps.log.warn({ err }, 'port reservation expiry failed'));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
