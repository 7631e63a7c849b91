import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AppDeps, Caller } from '../../http/context.ts';
import { isMkError, MkError, type MkErrorKind } from '../../http/mk/mk-errors.ts';

type Stored = { ok: Record<string, unknown> } | { error: { kind: MkErrorKind; message: string } };

const KEY = /^[\x21-\x7e]{1,200}$/;

export function idempotencyKeyOf(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || key === '') return undefined;
  if (!KEY.test(key)) throw new MkError('invalidParam', 'Parâmetro inválido: cabeçalho Idempotency-Key (1 a 200 caracteres visíveis).');
  return key;
}

function replay(stored: Stored): Record<string, unknown> {
  if ('ok' in stored) return stored.ok;
  throw new MkError(stored.error.kind, stored.error.message);
}

/**
 * With an Idempotency-Key, the first answer (success or refusal) is stored and every retry with
 * the same key and parameters gets it again instead of running the operation twice.
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
  const find = () =>
    deps.db
      .selectFrom('idempotent_responses')
      .select(['request_hash', 'response'])
      .where('endpoint_id', '=', ctx.endpointId)
      .where('scope_key', '=', scopeKey)
      .executeTakeFirst();
  const check = (row: { request_hash: string; response: unknown }) => {
    if (row.request_hash !== requestHash) {
      throw new MkError('invalidParam', 'Parâmetro inválido: Idempotency-Key já usada com outros parâmetros.');
    }
    return replay(row.response as Stored);
  };
  const earlier = await find();
  if (earlier) return check(earlier);
  let stored: Stored;
  try {
    stored = { ok: await work() };
  } catch (e) {
    if (!isMkError(e) || e.kind === 'internal') throw e;
    stored = { error: { kind: e.kind, message: e.message } };
  }
  const inserted = await deps.db
    .insertInto('idempotent_responses')
    .values({
      endpoint_id: ctx.endpointId,
      scope_key: scopeKey,
      request_hash: requestHash,
      response: JSON.stringify(stored),
      created_at: deps.clock.now(),
    })
    // A success is what happened: it replaces a refusal a concurrent same-key call stored first
    // (that call lost the race to this one). A refusal never replaces anything.
    .onConflict((oc) => {
      const target = oc.columns(['endpoint_id', 'scope_key']);
      return 'ok' in stored
        ? target.doUpdateSet({ response: (eb) => eb.ref('excluded.response') }).where('idempotent_responses.request_hash', '=', requestHash)
        : target.doNothing();
    })
    .returning('id')
    .executeTakeFirst();
  // A concurrent call with the same key answered first: its answer is the one that counts.
  if (!inserted) {
    const first = await find();
    if (first) return check(first);
  }
  return replay(stored);
}
