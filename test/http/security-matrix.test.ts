import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { modules } from '../../src/modules/index.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { assertTokenRefusal, callWithToken, MATRIX_CASES } from '../support/security-matrix.ts';

// Driven by the registered modules: every protected route, present and future, is covered.
const protectedRoutes = modules.flatMap((m) => m.endpoints).filter((d) => d.service !== 'open');

describe('security matrix: every protected route refuses bad tokens', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(async () => t.close());

  test('there are protected routes to check once domain modules exist', () => {
    // The two auth endpoints are open by definition; everything else must appear below.
    const open = modules.flatMap((m) => m.endpoints).filter((d) => d.service === 'open').map((d) => d.id);
    if (open.some((id) => !id.startsWith('WSAutenticacao'))) throw new Error(`open routes besides auth: ${open}`);
    // The catalog's 100 entries are 97 routes (documented variants share one) and two of them are
    // the authenticators: a matrix over fewer routes has lost some, and one over none proves nothing.
    assert.ok(protectedRoutes.length >= 95, `only ${protectedRoutes.length} protected routes registered`);
  });

  for (const def of protectedRoutes) {
    for (const c of MATRIX_CASES) {
      test(`${def.id}: ${c.name}`, async () => {
        const token = await c.token(t.db, def, t.clock.now());
        assertTokenRefusal(await callWithToken(t.app, def, token), def, c.code);
      });
    }
  }
});
