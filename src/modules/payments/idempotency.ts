import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AppDeps, Caller } from '../../http/context.ts';
import { isMkError, MkError, type MkErrorKind } from '../../http/mk/mk-errors.ts';
import { sql } from 'kysely';

/** The answer stored for a key: the first call's success or refusal, or a claim while it runs. */
type Stored = { ok: Record<string, unknown> } | { error: { kind: MkErrorKind; message: string } } | { pending: true };

/** How long a call waits for a concurrent call with its key to answer (real time). */
const WAIT_MS = 30_000;
const POLL_MS = 25;
/** A claim older than this (its call died before answering) may be taken over. */
const STALE_CLAIM_MS = 120_000;

const KEY = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKeyOf(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || key === '') return undefined;
  if (!KEY.test(key)) throw new MkError('invalidParam', 'Parâmetro inválido: cabeçalho Idempotency-Key (1 a 200 caracteres visíveis).');
  return key;
}

function replay(stored: Exclude<Stored, { pending: true }>): Record<string, unknown> {
  if ('ok' in stored) return stored.ok;
  throw new MkError(stored.error.kind, stored.error.message);
}

/**
 * With an Idempotency-Key, the first answer (success or refusal) is stored and every retry with
 * the same key and parameters gets it again instead of running the operation twice. The first
 * call claims the key before it works; concurrent calls with the key wait for its answer (they
 * used to run too, and a loser's refusal could be answered before the winner's success).
 */
export async function withIdempotency(
  deps: AppDeps,
  ctx: { endpointId: string; caller: Caller | null; headers: IncomingHttpHeaders; params: Record<string, unknown> },
  work: () => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const key = idempotencyKeyOf(ctx.headers);
  if (key === undefined) return work();
  const scopeKey = `${ctx.caller?.operatorId ?? 0}:${key}`;
  const requestHash = createHash('sha256').update(JSON.stringify(Object.entries(ctx.params).sort())).digest('hex');
  const row = () =>
    deps.db
      .selectFrom('idempotent_responses')
      .select(['id', 'request_hash', 'response', 'created_at'])
      .where('endpoint_id', '=', ctx.endpointId)
      .where('scope_key', '=', scopeKey)
      .executeTakeFirst();
  const claim = async () =>
    (await deps.db
      .insertInto('idempotent_responses')
      .values({ endpoint_id: ctx.endpointId, scope_key: scopeKey, request_hash: requestHash, response: JSON.stringify({ pending: true }), created_at: deps.clock.now() })
      .onConflict((oc) => oc.columns(['endpoint_id', 'scope_key']).doNothing())
      .returning('id')
      .executeTakeFirst())?.id;
  const takeOver = async (id: number) =>
    (await deps.db
      .updateTable('idempotent_responses')
      .set({ created_at: deps.clock.now(), request_hash: requestHash })
      .where('id', '=', id)
      .where(sql<boolean>`response ? 'pending'`)
      .where('created_at', '<', new Date(deps.clock.now().getTime() - STALE_CLAIM_MS))
      .returning('id')
      .executeTakeFirst())?.id;

  const deadline = performance.now() + WAIT_MS;
  let claimed: number | undefined;
  while (claimed === undefined) {
    const found = await row();
    if (!found) {
      claimed = await claim();
      continue;
    }
    if (found.request_hash !== requestHash) {
      throw new MkError('invalidParam', 'Parâmetro inválido: Idempotency-Key já usada com outros parâmetros.');
    }
    const stored = found.response as Stored;
    if (!('pending' in stored)) return replay(stored);
    claimed = await takeOver(found.id);
    if (claimed !== undefined) break;
    if (performance.now() > deadline) {
      throw new MkError('conflict', 'Idempotency-Key em uso por outra chamada ainda em andamento; tente novamente.');
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }

  let stored: Exclude<Stored, { pending: true }>;
  try {
    stored = { ok: await work() };
  } catch (e) {
    if (!isMkError(e) || e.kind === 'internal') {
      // Nothing to replay: the next call with the key runs the operation again.
      await deps.db.deleteFrom('idempotent_responses').where('id', '=', claimed).execute().catch(() => {});
      throw e;
    }
    stored = { error: { kind: e.kind, message: e.message } };
  }
  await deps.db.updateTable('idempotent_responses').set({ response: JSON.stringify(stored) }).where('id', '=', claimed).execute();
  return replay(stored);
}
