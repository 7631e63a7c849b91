import { type PGlite, parse, protocol, type Results } from '@electric-sql/pglite';

/** Named statements the embedded session keeps at most; beyond it, new texts run unnamed. */
export const MAX_PGLITE_PREPARED = 500;

type Messages = Awaited<ReturnType<PGlite['execProtocolStream']>>;

/**
 * Parameterised queries on the embedded engine as named prepared statements. `PGlite.query`
 * parses and plans its text on every call (an unnamed statement, described, then bound); for the
 * MK look-ups that cost more than executing them (bench/README.md). Here each text is parsed and
 * described once, then each call only binds and executes, and PostgreSQL's plan cache keeps the
 * plan (generic after five calls when it is as good) — what `PreparingClient` gives pooled
 * PostgreSQL connections. Messages go through `execProtocolStream`, inside `runExclusive` like
 * PGlite's own queries; results are read with PGlite's own parsers.
 */
export class PGlitePrepared {
  readonly #statements = new Map<string, { name: string; types: number[] }>();
  #next = 0;

  constructor(private readonly pglite: PGlite) {}

  /** Null when the session already keeps MAX_PGLITE_PREPARED texts and this is a new one. */
  query<R>(text: string, params: readonly unknown[]): Promise<Results<R>> | null {
    const known = this.#statements.get(text);
    if (!known && this.#statements.size >= MAX_PGLITE_PREPARED) return null;
    return this.pglite.runExclusive(async () => {
      const statement = known ?? (await this.#prepare(text));
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serialize = this.pglite.serializers[statement.types[i] as number];
        return serialize ? serialize(value) : String(value);
      });
      const messages: Messages = [];
      try {
        messages.push(
          ...(await this.#send(protocol.serialize.bind({ statement: statement.name, values }))),
          ...(await this.#send(protocol.serialize.describe({ type: 'P' }))),
          ...(await this.#send(protocol.serialize.execute({}))),
        );
      } finally {
        messages.push(...(await this.#send(protocol.serialize.sync())));
      }
      return parse.parseResults(messages, this.pglite.parsers)[0] as Results<R>;
    });
  }

  async #prepare(text: string): Promise<{ name: string; types: number[] }> {
    const name = `pv_${++this.#next}`;
    let described: Messages = [];
    try {
      await this.#send(protocol.serialize.parse({ name, text }));
      described = await this.#send(protocol.serialize.describe({ type: 'S', name }));
    } finally {
      await this.#send(protocol.serialize.sync());
    }
    const statement = { name, types: parse.parseDescribeStatementResults(described) };
    this.#statements.set(text, statement);
    return statement;
  }

  #send(message: Uint8Array): Promise<Messages> {
    return this.pglite.execProtocolStream(message, { syncToFs: false });
  }
}
