import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { contractModules } from '../../support/factories/contracts.ts';
import { createContract, createCustomer, createWorld } from '../../support/factories/customers.ts';
import { isMkErrorBody, mkMultipart, type UploadPart } from '../../support/mk-client.ts';

const MAX = 64 * 1024;
const jpeg = (tag: string, size = 200): UploadPart => ({
  filename: 'selfie.jpg',
  contentType: 'image/jpeg',
  data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size, tag)]),
});
const png = (tag: string): UploadPart => ({
  filename: 'assinatura.png',
  contentType: 'image/png',
  data: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR${tag}`)]),
});
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('WSMKAceiteSelfieAssinatura (POST multipart)', () => {
  let t: TestApp;
  let token: string;
  let dataDir: string;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let terms: number[];
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'provedor-accept-'));
    t = await buildTestApp({ modules: contractModules(), config: { dataDir, uploadMaxBytes: MAX } });
    token = await tokenFor(t.db);
    w = await createWorld(t.db);
    terms = [];
    for (const title of ['Contrato de prestação de serviço', 'Termo de fidelidade']) {
      terms.push((await t.db.insertInto('acceptance_terms').values({ company_id: w.company.id, title, body: title }).returning('id').executeTakeFirstOrThrow()).id);
    }
  });
  after(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const stored = (): string[] => {
    const root = join(dataDir, 'files');
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dataDir.length + 1))
        .sort();
    } catch {
      return [];
    }
  };
  const fileRows = async () => (await t.db.selectFrom('files').select('id').execute()).length;
  /** A contract with every term pending and a connection blocked until the terms are accepted. */
  const pendingContract = async (o: { status?: 'active' | 'cancelled'; pending?: boolean } = {}) => {
    const c = await createCustomer(t.db, { companyId: w.company.id, streetId: w.place.streetId });
    const k = await createContract(t.db, c, w.company.id, { status: o.status ?? 'active', connection: 'unblocked' });
    await t.db
      .updateTable('connections')
      .set({ blocked: true, block_reason: 'contract_not_accepted', blocked_at: new Date('2026-11-20T12:00:00Z') })
      .where('contract_id', '=', k.id)
      .execute();
    for (const termId of terms) {
      const accepted = o.pending === false;
      await t.db
        .insertInto('contract_acceptances')
        .values({ contract_id: k.id, acceptance_term_id: termId, status: accepted ? 'accepted' : 'pending', accepted_at: accepted ? new Date() : null })
        .execute();
    }
    return k;
  };
  const upload = (contrato: number | undefined, files: Record<string, UploadPart>) => mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato }, {}, files);

  test('accepts every pending term with both images stored by content hash under DATA_DIR; unblocks "contract not accepted"', async () => {
    const k = await pendingContract();
    const selfie = jpeg('a');
    const signature = png('a');
    const res = await upload(k.id, { selfie, assinatura: signature });
    assert.equal(res.http, 200);
    assert.deepEqual(res.body, { CodigoContrato: k.id, Mensagem: 'Aceite registrado no contrato do cliente.', Termos: terms, status: 'OK' });
    const rows = await t.db.selectFrom('contract_acceptances').selectAll().where('contract_id', '=', k.id).orderBy('id').execute();
    assert.ok(rows.every((r) => r.status === 'accepted' && r.channel === 'api' && r.client_ip === '127.0.0.1'));
    assert.equal(rows[0]?.accepted_at?.toISOString(), t.clock.now().toISOString());
    const files = await t.db.selectFrom('files').selectAll().where('id', 'in', [rows[0]?.selfie_file_id ?? 0, rows[0]?.signature_file_id ?? 0]).orderBy('id').execute();
    assert.deepEqual(files.map((f) => [f.kind, f.mime_type, f.sha256, Number(f.size_bytes), f.content]), [
      ['selfie', 'image/jpeg', sha(selfie.data), selfie.data.length, null],
      ['signature', 'image/png', sha(signature.data), signature.data.length, null],
    ]);
    for (const [f, part] of [[files[0], selfie], [files[1], signature]] as const) {
      assert.match(f?.storage_path ?? '', new RegExp(`^files/${f?.sha256.slice(0, 2)}/${f?.sha256}\\.(jpg|png)$`));
      assert.deepEqual(readFileSync(join(dataDir, f?.storage_path ?? '')), part.data);
    }
    const conn = await t.db.selectFrom('connections').select(['blocked', 'block_reason']).where('contract_id', '=', k.id).executeTakeFirstOrThrow();
    assert.deepEqual([conn.blocked, conn.block_reason], [false, null]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'contract').where('entity_id', '=', String(k.id)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['contract.accept_terms']);
  });

  test('the same bytes are stored once on disk', async () => {
    const before = stored();
    const k = await pendingContract();
    assert.equal((await upload(k.id, { selfie: jpeg('a'), assinatura: png('a') })).body.status, 'OK');
    assert.deepEqual(stored(), before);
  });

  test('refused uploads write no row and no file: wrong type sniffed from the bytes, too large, missing image', async () => {
    const k = await pendingContract();
    const filesBefore = stored();
    const rowsBefore = await fileRows();
    const gifNamedJpeg: UploadPart = { filename: 'selfie.jpg', contentType: 'image/jpeg', data: Buffer.from('GIF89a-not-a-jpeg') };
    const pdf: UploadPart = { filename: 'a.png', contentType: 'image/png', data: Buffer.from('%PDF-1.4 fake') };
    const cases: Array<[Record<string, UploadPart>, string, RegExp]> = [
      [{ selfie: gifNamedJpeg, assinatura: png('b') }, '005', /selfie/],
      [{ selfie: jpeg('b'), assinatura: pdf }, '005', /assinatura/],
      [{ selfie: jpeg('b', MAX + 10), assinatura: png('b') }, '005', /selfie/],
      [{ selfie: jpeg('b') }, '006', /assinatura/],
    ];
    for (const [files, code, names] of cases) {
      const res = await upload(k.id, files);
      assert.ok(isMkErrorBody(res.body, code), res.raw);
      assert.match(res.body.Mensagem, names);
    }
    assert.deepEqual(stored(), filesBefore);
    assert.equal(await fileRows(), rowsBefore);
    const pending = await t.db.selectFrom('contract_acceptances').select('status').where('contract_id', '=', k.id).execute();
    assert.ok(pending.every((p) => p.status === 'pending'));
  });

  test('unknown contract → 003; cancelled → 008; nothing pending → 008 (the doc\'s "sem aceite" warning); no contrato → 006 — nothing written', async () => {
    const filesBefore = stored();
    const rowsBefore = await fileRows();
    assert.ok(isMkErrorBody((await upload(999_999, { selfie: jpeg('c'), assinatura: png('c') })).body, '003'));
    const cancelled = await pendingContract({ status: 'cancelled' });
    assert.ok(isMkErrorBody((await upload(cancelled.id, { selfie: jpeg('c'), assinatura: png('c') })).body, '008'));
    const done = await pendingContract({ pending: false });
    const none = await upload(done.id, { selfie: jpeg('c'), assinatura: png('c') });
    assert.ok(isMkErrorBody(none.body, '008'));
    assert.match(none.body.Mensagem, /sem termos de aceite pendentes/);
    assert.ok(isMkErrorBody((await upload(undefined, { selfie: jpeg('c'), assinatura: png('c') })).body, '006'));
    assert.deepEqual(stored(), filesBefore);
    assert.equal(await fileRows(), rowsBefore);
  });

  test('two concurrent acceptances of one contract: exactly one wins; the loser leaves no file behind', async () => {
    const k = await pendingContract();
    const results = await Promise.all(['d', 'e'].map((tag) => upload(k.id, { selfie: jpeg(tag), assinatura: png(tag) })));
    assert.equal(results.filter((r) => r.body.status === 'OK').length, 1);
    assert.equal(results.filter((r) => isMkErrorBody(r.body, '008')).length, 1);
    const referenced = (await t.db.selectFrom('files').select('storage_path').execute()).map((f) => f.storage_path).sort();
    assert.deepEqual(stored(), [...new Set(referenced)].sort());
  });
});
