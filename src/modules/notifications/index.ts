import { unseal } from '../../lib/keys.ts';
import type { Module } from '../module.ts';
import { SmtpEmailProvider } from './email-provider.ts';
import { OutboxDispatcher } from './outbox-dispatcher.ts';
import { WebhookSmsProvider } from './sms-provider.ts';

/**
 * No webservice routes: starts the outbox sender when SMS_WEBHOOK_URL and/or SMTP_URL is set
 * (messages of a channel without a provider stay queued) and stops it when the app closes.
 */
export const notificationsModule: Module = {
  name: 'notifications',
  endpoints: [],
  async routes(app, deps) {
    const url = deps.config.smsWebhookUrl;
    const smtp = deps.config.smtpUrl;
    if (!url && !smtp) return;
    const email = smtp ? new SmtpEmailProvider(smtp) : null;
    const dispatcher = new OutboxDispatcher(deps.db, url ? new WebhookSmsProvider(url) : null, deps.clock, {
      email,
      onError: (err) => deps.log.warn({ err }, 'outbox dispatch failed'),
      unseal: (body) => unseal(deps.config, 'outbox', body),
    });
    dispatcher.start();
    app.addHook('onClose', async () => {
      await dispatcher.stop();
      email?.close();
    });
  },
};
