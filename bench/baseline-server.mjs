// The baseline of `npm run bench`: a minimal Fastify route doing one primary-key SELECT on the
// same database the app uses (pg Pool for DATABASE_URL, else PGlite on DATA_DIR). Plain
// JavaScript so that nothing but Fastify and the driver is measured.
//   PORT=… DATA_DIR=… [DATABASE_URL=…] [POOL=50] node bench/baseline-server.mjs
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? 0);
let query;
if (process.env.DATABASE_URL) {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) });
  query = async (sql, params) => (await pool.query(sql, params)).rows;
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const { citext } = await import('@electric-sql/pglite/contrib/citext');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  // The app's engine settings (EMBEDDED_SHARED_BUFFERS_MB, EMBEDDED_WASM_TIER_UP: src/config.ts), so both run alike.
  const sharedBuffers = `shared_buffers=${process.env.EMBEDDED_SHARED_BUFFERS_MB ?? 16}MB`;
  const v8 = (await import('node:v8')).default;
  v8.setFlagsFromString(/^(true|1|yes|on)$/i.test(process.env.EMBEDDED_WASM_TIER_UP ?? '') ? '--no-liftoff-only' : '--liftoff-only');
  const db = await PGlite.create(process.env.DATA_DIR, {
    extensions: { citext, pg_trgm, unaccent },
    startParams: [...PGlite.defaultStartParams, '-c', sharedBuffers],
  });
  query = async (sql, params) => (await db.query(sql, params)).rows;
}
const app = Fastify();
app.get('/customer/:id', async (request) => {
  const rows = await query('SELECT * FROM customers WHERE id = $1', [Number(request.params.id)]);
  return rows[0] ?? null;
});
await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
