import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const UI_DIR = join(import.meta.dirname, '..', '..', '..', 'admin-ui');

const ASSETS: Record<string, string> = {
  'admin.js': 'text/javascript; charset=utf-8',
  'admin-panels.js': 'text/javascript; charset=utf-8',
  'admin.css': 'text/css; charset=utf-8',
};

// The page loads only its own script and style and talks only to its own origin.
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Serves the static admin page (admin-ui/), read once at start. */
export async function registerAdminPage(app: FastifyInstance): Promise<void> {
  const page = readFileSync(join(UI_DIR, 'index.html'));
  const assets = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(join(UI_DIR, name))]));
  app.get('/admin', async (_request, reply) => reply.headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(page));
  app.get('/admin/', async (_request, reply) => reply.redirect('/admin'));
  app.get<{ Params: { name: string } }>('/admin/assets/:name', async (request, reply) => {
    const body = assets.get(request.params.name);
    if (!body) return reply.code(404).send({ error: 'not_found', message: 'No such asset' });
    return reply.headers(SECURITY_HEADERS).type(ASSETS[request.params.name]!).send(body);
  });
}
