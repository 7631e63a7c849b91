import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { TestClock } from '../../support/test-clock.ts';
import { type AdminUser, createOperatorRow } from './admin-client.ts';

const CHROMIUM = '/usr/bin/chromium';

describe('admin page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: AdminUser;
  let member: AdminUser;

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: install the Debian package "chromium" (apt-get install -y chromium) to run the admin page test`);
    }
    t = await buildTestApp({ clock: new TestClock(new Date()) });
    admin = await createOperatorRow(t.db);
    member = await createOperatorRow(t.db, { isAdmin: false });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('log in, create a profile through the four-step wizard, see it listed', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // Resource failures are checked by URL below: the first session probe is meant to get 401.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()));
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.status() >= 400 && path !== '/admin/api/session' && path !== '/favicon.ico') problems.push(`${r.status()} ${path}`);
    });

    await page.goto(`${base}/admin`);
    await page.fill('#login-form input[name=login]', admin.login);
    await page.fill('#login-form input[name=password]', admin.password);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#tab-profiles:not([hidden])');

    await page.click('#new-general');
    await page.waitForSelector('#wizard:not([hidden])');
    await page.fill('#wizard-form input[name=description]', 'Perfil criado no navegador');
    await page.fill('#wizard-form input[name=expiryMinutes]', '30');
    await page.click('#suggest');
    await page.waitForFunction(() => (document.querySelector('#wizard-form input[name=contraSenha]') as HTMLInputElement).value.length >= 8);
    await page.click('#wizard-next');
    await page.fill('#ip-address', '203.0.113.0/24');
    await page.fill('#ip-note', 'servidor do portal');
    await page.click('#ip-add');
    await page.waitForSelector('#ip-list li');
    await page.click('#wizard-next');
    await page.check(`#operator-choices input[value="${member.id}"]`);
    await page.click('#wizard-next');
    await page.check('#service-choices input[value="9999"]');
    await page.check('#confirm-save');
    await page.click('#wizard-finish');

    const row = page.locator('#profiles-table tbody tr', { hasText: 'Perfil criado no navegador' });
    await row.waitFor().catch((e: Error) => {
      throw new Error(`${e.message}\npage problems: ${problems.join(' | ') || 'none'}`);
    });
    const text = (await row.textContent()) ?? '';
    assert.match(text, /Geral/);
    assert.match(text, new RegExp(member.login));
    assert.match(text, /9999/);

    const stored = await t.db.selectFrom('ws_profiles').select(['id', 'expiry_minutes', 'created_by']).where('description', '=', 'Perfil criado no navegador').executeTakeFirstOrThrow();
    assert.equal(stored.expiry_minutes, 30);
    assert.equal(stored.created_by, admin.id);
    const ips = await t.db.selectFrom('ws_profile_ips').select(['cidr', 'note']).where('profile_id', '=', stored.id).execute();
    assert.deepEqual(ips, [{ cidr: '203.0.113.0/24', note: 'servidor do portal' }]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('create an admin API key in the page: shown once, works as a bearer, revoked from the list', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/admin`);
    await page.fill('#login-form input[name=login]', admin.login);
    await page.fill('#login-form input[name=password]', admin.password);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#tab-profiles:not([hidden])');
    await page.click('#tabs button[data-tab=operators]');
    await page.fill('#api-key-form input[name=description]', 'Chave criada no navegador');
    await page.click('#api-key-form button[type=submit]');
    await page.waitForSelector('#secret-box:not([hidden])');
    const key = /pvadm_[A-Za-z0-9_-]{43}/.exec((await page.textContent('#secret-text')) ?? '')?.[0];
    assert.ok(key, 'the key is revealed once');
    const call = async () =>
      (await t.app.inject({ method: 'GET', url: '/admin/api/profiles', headers: { authorization: `Bearer ${key}` } })).statusCode;
    assert.equal(await call(), 200);
    const row = page.locator('#api-keys-table tbody tr', { hasText: 'Chave criada no navegador' });
    assert.ok(!((await row.textContent()) ?? '').includes(key));
    await row.getByRole('button', { name: 'Revogar' }).click();
    await page.locator('#api-keys-table tbody tr', { hasText: 'Chave criada no navegador' }).getByRole('button', { name: 'Revogar' }).waitFor({ state: 'detached' });
    assert.equal(await call(), 401);
    await page.close();
  });
});
