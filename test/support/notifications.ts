import { type Db, listenForNotifications } from '../../src/db/database.ts';

export interface Listener {
  /** Resolves once a payload containing `text` has been heard (since listening began); rejects after `timeoutMs`. */
  heard(text: string, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/** LISTENs on `channel` from the test itself, to know when a NOTIFY of the app has been delivered. */
export async function listen(db: Db, channel: string): Promise<Listener> {
  const payloads: string[] = [];
  const stop = await listenForNotifications(db, channel, { onNotify: (p) => void payloads.push(p), onListening() {}, onLost() {} });
  return {
    async heard(text, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = payloads.find((p) => p.includes(text));
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`no NOTIFY on ${channel} with ${text} within ${timeoutMs} ms (heard: ${payloads.join(', ')})`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    stop,
  };
}
