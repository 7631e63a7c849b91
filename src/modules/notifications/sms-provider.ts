export interface SmsMessage {
  /** Outbox id: providers may use it to deduplicate retries. */
  id: number;
  recipient: string;
  body: string;
}

export interface SmsProvider {
  /** Resolves with the provider's message id (or null); throws when the message was not accepted. */
  send(message: SmsMessage): Promise<string | null>;
}

/** Built-in provider: POSTs `{id, to, message}` as JSON to a configured URL; any 2xx = accepted. */
export class WebhookSmsProvider implements SmsProvider {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: SmsMessage): Promise<string | null> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: message.id, to: message.recipient, message: message.body }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`SMS webhook answered HTTP ${res.status}`);
    try {
      const body = JSON.parse(text) as { id?: unknown };
      return body.id === undefined || body.id === null ? null : String(body.id);
    } catch {
      return null;
    }
  }
}
