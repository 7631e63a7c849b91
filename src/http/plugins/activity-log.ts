import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { unnestInsert } from '../../db/unnest-insert.ts';
import type { ActivityLogTable } from '../../db/types.ts';
import type { Clock } from '../context.ts';
import { parseQueryString } from '../mk/body-parsing.ts';
import { redactParams, sliceCodePoints, wellFormed } from '../redact.ts';

type ActivityRow = Insertable<ActivityLogTable>;

/**
 * Buffers one row per webservice call and writes them in batches off the request path: the
 * request pays for an array push. Flushed every second, at 500 rows, and on shutdown.
 */
export class ActivityLogBuffer {
  #rows: ActivityRow[] = [];
  #timer: NodeJS.Timeout;
  #flushing: Promise<void> = Promise.resolve();
  /** A write is queued and has not taken its rows yet: later pushes ride on it. */
  #queued = false;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    intervalMs = 1000,
    private readonly maxRows = 500,
  ) {
    this.#timer = setInterval(() => void this.flush(), intervalMs);
    this.#timer.unref();
  }

  push(row: ActivityRow): void {
    this.#rows.push(row);
    if (this.#rows.length >= this.maxRows) void this.flush();
  }

  flush(): Promise<void> {
    if (this.#queued) return this.#flushing;
    this.#queued = true;
    this.#flushing = this.#flushing.then(() => {
      this.#queued = false;
      return this.#write();
    });
    return this.#flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
    if (this.#rows.length > 0) await this.flush();
  }

  /**
   * Writes the rows there are when it starts, in batches; rows pushed meanwhile wait for the next
   * tick or the next full batch. (Writing them at once kept the loop going under load with
   * batches of ~50 rows, each a statement and a commit.)
   */
  async #write(): Promise<void> {
    let left = this.#rows.length;
    while (left > 0) {
      const batch = this.#rows.splice(0, Math.min(left, this.maxRows));
      left -= batch.length;
      try {
        await this.db.executeQuery(insertBatch(batch));
      } catch (err) {
        this.onError(err);
        return;
      }
    }
  }
}

/** Every column a row sets, with its type (`id` is generated); ≤ 500 rows per statement. */
const insertBatch = unnestInsert<ActivityRow>('activity_log', [
  ['at', 'timestamptz'],
  ['surface', 'text'],
  ['endpoint_id', 'text'],
  ['method', 'text'],
  ['client_ip', 'text'],
  ['profile_id', 'integer'],
  ['operator_id', 'integer'],
  ['http_status', 'smallint'],
  ['error_code', 'text'],
  ['duration_ms', 'integer'],
  ['is_validation', 'boolean'],
  ['query', 'text'],
]);

/** The parameters as the caller sent them (query string, then body), for redaction. */
function rawParams(request: FastifyRequest): Record<string, unknown> {
  const q = request.url.indexOf('?');
  const fromUrl = q < 0 ? {} : parseQueryString(request.url.slice(q + 1));
  const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
  return { ...fromUrl, ...body };
}

function loggedQuery(request: FastifyRequest): string {
  try {
    return redactParams(rawParams(request), request.routeOptions.config?.paramPolicy);
  } catch {
    return '[unloggable]';
  }
}

export function registerActivityLog(app: FastifyInstance, buffer: ActivityLogBuffer, clock: Clock): void {
  // Never throws: a caller must not be able to keep its own call out of the log (issue #11 item 5).
  // A callback hook, not an async one: no promise per response (every route runs it, /health too).
  app.addHook('onResponse', (request, reply, done) => {
    try {
      const config = request.routeOptions.config;
      const surface = config?.surface ?? (/^\/+(mk|core-api)\//.test(request.url) ? 'mk' : undefined);
      if (surface !== 'mk' && surface !== 'core-api') return;
      buffer.push({
        at: new Date(clock.now().getTime() - Math.round(reply.elapsedTime)),
        surface,
        endpoint_id: config?.endpointId ?? wellFormed(sliceCodePoints(request.url.split('?')[0] ?? '', 200)),
        method: request.method,
        client_ip: request.ip,
        profile_id: request.caller?.profileId ?? request.actor?.profileId ?? null,
        operator_id: request.caller?.operatorId ?? request.actor?.operatorId ?? null,
        http_status: reply.statusCode,
        error_code: request.mkErrorCode,
        duration_ms: Math.max(0, Math.round(reply.elapsedTime)),
        is_validation: config?.isValidation ?? false,
        query: loggedQuery(request),
      });
    } finally {
      done();
    }
  });
  app.addHook('onClose', async () => buffer.close());
}
