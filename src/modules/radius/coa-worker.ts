import { createSocket } from 'node:dgram';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AppDeps, Clock } from '../../http/context.ts';
import { ATTR, type Attribute, CODES, decodePacket, encodeRequest, ipv4Attr, mikrotikRateLimit, stringAttr, verifyResponse } from './radius-packet.ts';

export const RADIUS_COA_LOCK_KEY = 7_340_110;
export const MAX_ATTEMPTS = 5;

type Outcome = 'ack' | 'nak' | 'no_session' | 'timeout' | 'retry';
export interface CoaLogEntry {
  outboxId: number;
  connectionId: number;
  kind: string;
  outcome: Outcome;
  nas?: string;
  error?: string;
}

interface Pending {
  id: number;
  connection_id: number;
  kind: 'disconnect' | 'coa';
  attempts: number;
  username: string | null;
  acctsessionid: string | null;
  framed_ip: string | null;
  nas_ip: string | null;
  secret: string | null;
  coa_port: number | null;
  rate_limit: string | null;
}

/** Sends one request and waits for the NAS's ACK/NAK (null on timeout). */
export async function sendRadiusRequest(host: string, port: number, code: number, secret: string, attrs: Attribute[], timeoutMs: number) {
  const { id, packet } = encodeRequest(code, secret, attrs);
  const socket = createSocket('udp4');
  try {
    return await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      socket.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      socket.on('message', (msg) => {
        try {
          const reply = decodePacket(msg);
          if (reply.id !== id || !verifyResponse(msg, packet.subarray(4, 20), secret)) return;
          clearTimeout(timer);
          resolve(reply.code);
        } catch {
          // not a RADIUS answer: keep waiting
        }
      });
      socket.send(packet, port, host);
    });
  } finally {
    socket.close();
  }
}

/** Drains radius_outbox: one instance at a time (advisory lock), retries with backoff, a log line per try. */
export class RadiusCoaWorker {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<CoaLogEntry[] | null> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly log: (entry: CoaLogEntry) => void = () => {},
    private readonly timeoutMs = 3000,
  ) {}

  start(): void {
    if (this.#timer || this.intervalMs <= 0) return;
    this.#timer = setInterval(() => void this.runOnce().catch(() => {}), this.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => {});
  }

  /** One pass; null when another instance holds the lock. */
  runOnce(): Promise<CoaLogEntry[] | null> {
    this.#running ??= this.db
      .connection()
      .execute(async (conn) => {
        const lock = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${RADIUS_COA_LOCK_KEY}) as ok`.execute(conn);
        if (!lock.rows[0]?.ok) return null;
        try {
          return await this.#pass(conn);
        } finally {
          await sql`select pg_advisory_unlock(${RADIUS_COA_LOCK_KEY})`.execute(conn);
        }
      })
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  async #pass(db: Db): Promise<CoaLogEntry[]> {
    const now = this.clock.now();
    const pending = await sql<Pending>`
      select o.id, o.connection_id, o.kind, o.attempts, r.username, r.acctsessionid,
        host(r.framedipaddress) as framed_ip, host(r.nasipaddress) as nas_ip, sv.radius_secret as secret, sv.coa_port,
        (select rr.value from radreply rr where rr.username = c.username and rr.attribute = 'Mikrotik-Rate-Limit' limit 1) as rate_limit
      from radius_outbox o
      join connections c on c.id = o.connection_id
      left join lateral (
        select * from radacct a where lower(a.username) = lower(c.username) and a.acctstoptime is null
        order by a.acctstarttime desc nulls last limit 1) r on true
      left join servers sv on sv.ip_address = r.nasipaddress and sv.radius_secret is not null
      where o.result is null and o.next_attempt_at <= ${now}
      order by o.id limit 50`.execute(db);
    const entries: CoaLogEntry[] = [];
    for (const p of pending.rows) {
      const entry = await this.#send(p);
      entries.push(entry);
      this.log(entry);
      const attempts = p.attempts + 1;
      const final = entry.outcome === 'retry' && attempts >= MAX_ATTEMPTS ? 'timeout' : entry.outcome;
      await db
        .updateTable('radius_outbox')
        .set({
          attempts,
          sent_at: final === 'ack' || final === 'nak' ? now : null,
          result: final === 'retry' ? null : final,
          next_attempt_at: new Date(now.getTime() + 5000 * 2 ** attempts),
          last_error: entry.error ?? null,
        })
        .where('id', '=', p.id)
        .execute();
    }
    return entries;
  }

  async #send(p: Pending): Promise<CoaLogEntry> {
    const base = { outboxId: p.id, connectionId: p.connection_id, kind: p.kind };
    if (!p.username || !p.nas_ip) return { ...base, outcome: 'no_session' };
    if (!p.secret || !p.coa_port) return { ...base, outcome: 'no_session', nas: p.nas_ip, error: 'NAS unknown or without a RADIUS secret' };
    const attrs: Attribute[] = [stringAttr(ATTR.userName, p.username)];
    if (p.acctsessionid) attrs.push(stringAttr(ATTR.acctSessionId, p.acctsessionid));
    if (p.framed_ip && !p.framed_ip.includes(':')) attrs.push(ipv4Attr(ATTR.framedIpAddress, p.framed_ip));
    if (p.kind === 'coa' && p.rate_limit) attrs.push(mikrotikRateLimit(p.rate_limit));
    const code = p.kind === 'disconnect' ? CODES.disconnectRequest : CODES.coaRequest;
    try {
      const reply = await sendRadiusRequest(p.nas_ip, p.coa_port, code, p.secret, attrs, this.timeoutMs);
      if (reply === null) return { ...base, outcome: 'retry', nas: p.nas_ip, error: 'no answer' };
      const ack = reply === CODES.disconnectAck || reply === CODES.coaAck;
      return { ...base, outcome: ack ? 'ack' : 'nak', nas: p.nas_ip };
    } catch (err) {
      return { ...base, outcome: 'retry', nas: p.nas_ip, error: (err as Error).message };
    }
  }
}

/** Starts the worker with the app (RADIUS_COA_INTERVAL_SECONDS; 0 = off) and stops it on close. */
export async function radiusCoaRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const seconds = deps.config.radiusCoaIntervalSeconds;
  if (!seconds) return;
  const worker = new RadiusCoaWorker(deps.db, deps.clock, seconds * 1000, (e) => deps.log.info({ radiusCoa: e }, 'radius CoA/Disconnect'));
  worker.start();
  app.addHook('onClose', async () => worker.stop());
}
