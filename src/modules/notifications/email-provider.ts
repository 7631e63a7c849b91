import nodemailer, { type Transporter } from 'nodemailer';

export interface EmailMessage {
  /** Outbox id, sent as a header so retries can be recognised. */
  id: number;
  recipient: string;
  subject: string;
  body: string;
}

export interface EmailProvider {
  /** Resolves with the SMTP message id; throws when the server did not accept the message. */
  send(message: EmailMessage): Promise<string | null>;
  close(): void;
}

/**
 * SMTP through nodemailer. `SMTP_URL` is `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://…:465`; `?from=` sets the sender (default `no-reply@<host>`).
 */
export class SmtpEmailProvider implements EmailProvider {
  readonly #transport: Transporter;
  readonly #from: string;

  constructor(smtpUrl: string, timeoutMs = 15_000) {
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    this.#from = url.searchParams.get('from') ?? `no-reply@${url.hostname}`;
    this.#transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(message: EmailMessage): Promise<string | null> {
    const info = await this.#transport.sendMail({
      from: this.#from,
      to: message.recipient,
      subject: message.subject,
      text: message.body,
      headers: { 'X-Provedor-Outbox-Id': String(message.id) },
    });
    if ((info.rejected?.length ?? 0) > 0) throw new Error('SMTP server rejected the recipient');
    return info.messageId ?? null;
  }

  close(): void {
    this.#transport.close();
  }
}
