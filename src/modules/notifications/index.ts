import { unseal } from '../../lib/keys.ts';
import type { Module } from '../module.ts';
import { OutboxDispatcher } from './outbox-dispatcher.ts';
import { WebhookSmsProvider } from './sms-provider.ts';

/**
 * No webservice routes: starts the outbox sender when SMS_WEBHOOK_URL is set (otherwise messages
 * stay queued) and stops it when the app closes.
 */
export const notificationsModule: Module = {
  name: 'notifications',
  endpoints: [],
  async routes(app, deps) {
    const url = deps.config.smsWebhookUrl;
    if (!url) return;
    const dispatcher = new OutboxDispatcher(deps.db, new WebhookSmsProvider(url), deps.clock, {
      onError: (err) => deps.log.warn({ err }, 'SMS outbox dispatch failed'),
      unseal: (body) => unseal(deps.config, 'outbox', body),
    });
    dispatcher.start();
    app.addHook('onClose', async () => dispatcher.stop());
  },
};
