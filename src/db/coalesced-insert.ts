/**
 * Rows that concurrent callers insert, written together: while one statement is in flight the
 * rows that arrive wait and go in the next one, so under load N rows cost one INSERT and one
 * commit instead of N (WSAutenticacao's sessions: a single-row INSERT with its commit was most
 * of the call's database time, bench/README.md). A caller alone is written at once, and each
 * caller's promise settles only when its row is committed or refused.
 *
 * A batch refused for its data (SQLSTATE class 22 or 23: one row's value or constraint) is
 * written again row by row, so only the offending caller gets the error; any other failure (the
 * connection, the server) is every caller's.
 */
export class CoalescedInsert<Row> {
  #waiting: { row: Row; settle: (err: unknown | null) => void }[] = [];
  #writing = false;

  constructor(
    private readonly write: (rows: readonly Row[]) => Promise<unknown>,
    private readonly maxRows = 200,
  ) {}

  insert(row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ row, settle: (err) => (err === null ? resolve() : reject(err)) });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, this.maxRows);
        try {
          await this.write(batch.map((w) => w.row));
          for (const w of batch) w.settle(null);
        } catch (err) {
          if (batch.length === 1 || !isDataError(err)) for (const w of batch) w.settle(err);
          else for (const w of batch) w.settle(await this.write([w.row]).then(() => null, (e: unknown) => e));
        }
      }
    } finally {
      this.#writing = false;
    }
  }
}

function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
