import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../src/http/endpoint.ts';
import { defineMkEndpoint } from '../../src/http/mk/define-mk-endpoint.ts';
import { type MkFile, sniffContentType } from '../../src/http/mk/multipart.ts';
import { mkParam } from '../../src/http/mk/params.ts';
import { authModule } from '../../src/modules/auth/index.ts';
import { tokenFor } from '../support/access.ts';
import { buildTestApp, type TestApp } from '../support/build-test-app.ts';
import { mk, mkMultipart } from '../support/mk-client.ts';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
const describeFile = (f: MkFile | undefined) => (f ? { name: f.filename, type: f.contentType, size: f.size, first: f.data[0] } : null);

// Probe endpoints that echo what the kit hands to handlers; they borrow catalog ids only here.
const upload = defineMkEndpoint({
  id: 'WSMKAceiteSelfieAssinatura',
  service: ALL_SERVICES,
  query: Type.Object({
    contrato: mkParam.id(),
    obs: Type.Optional(mkParam.text(50)),
    selfie: mkParam.file({ types: ['image/jpeg', 'image/png'], description: 'selfie' }),
    assinatura: Type.Optional(mkParam.file({ types: ['image/png'], maxBytes: 1000 })),
  }),
  response: Type.Object({}),
  async handler({ params }) {
    return { contrato: params.contrato, obs: params.obs ?? null, selfie: describeFile(params.selfie), assinatura: describeFile(params.assinatura) };
  },
});
const textOnly = defineMkEndpoint({
  id: 'WSMKConsultaNome',
  service: ALL_SERVICES,
  query: Type.Object({ nome: mkParam.text(100), cd_cliente: Type.Optional(mkParam.id()) }),
  response: Type.Object({}),
  async handler({ params }) {
    return { Echo: params };
  },
});

describe('multipart/form-data', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await buildTestApp({ modules: [authModule, { name: 'probe', endpoints: [upload, textOnly] }], config: { uploadMaxBytes: 4096 } });
    token = await tokenFor(t.db);
  });
  after(async () => t.close());

  test('text fields are parameters like urlencoded ones (token in the body too)', async () => {
    const res = await mkMultipart(t.app, 'WSMKConsultaNome', {}, { token, NOME: 'Maria Souza', cd_cliente: '12' });
    assert.equal(res.body.status, 'OK', res.raw);
    assert.deepEqual(res.body.Echo, { nome: 'Maria Souza', cd_cliente: 12 });
  });

  test('files reach the handler with the type sniffed from their bytes, not from name or header', async () => {
    const res = await mkMultipart(
      t.app,
      'WSMKAceiteSelfieAssinatura',
      { token, contrato: 7 },
      { obs: 'ok' },
      {
        selfie: { filename: 'selfie.png', data: JPEG, contentType: 'image/png' },
        assinatura: { filename: 'a.jpg', data: PNG, contentType: 'image/jpeg' },
      },
    );
    assert.equal(res.body.status, 'OK', res.raw);
    assert.deepEqual(res.body.selfie, { name: 'selfie.png', type: 'image/jpeg', size: JPEG.length, first: 0xff });
    assert.deepEqual(res.body.assinatura, { name: 'a.jpg', type: 'image/png', size: PNG.length, first: 0x89 });
    assert.equal(res.body.contrato, 7);
    assert.equal(res.body.obs, 'ok');
  });

  test('a missing file is 006; a file of another type, an empty one or text in its place is 005', async () => {
    const missing = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7 }, {});
    assert.equal(missing.body['Num. ERRO'], '006');
    assert.match(missing.body.Mensagem, /selfie/);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const wrongType = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7 }, {}, {
      selfie: { filename: 'selfie.jpg', data: html, contentType: 'image/jpeg' },
    });
    assert.equal(wrongType.body['Num. ERRO'], '005');
    assert.match(wrongType.body.Mensagem, /selfie.*JPEG ou PNG/);
    const pngOnly = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7 }, {}, {
      selfie: { filename: 's.jpg', data: JPEG },
      assinatura: { filename: 'a.png', data: JPEG, contentType: 'image/png' },
    });
    assert.match(pngOnly.body.Mensagem, /assinatura/);
    const empty = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7 }, {}, {
      selfie: { filename: 's.jpg', data: Buffer.alloc(0) },
    });
    assert.match(empty.body.Mensagem, /selfie.*vazio/);
    const asText = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7 }, { selfie: 'abc' });
    assert.equal(asText.body['Num. ERRO'], '005');
    assert.match(asText.body.Mensagem, /selfie/);
    const inQuery = await mk(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7, selfie: 'x' });
    assert.equal(inQuery.body['Num. ERRO'], '005');
  });

  test('size limits: the configured upload size, a smaller per-parameter one, refused with 005 naming the file', async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(5000)]);
    const tooBig = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7 }, {}, {
      selfie: { filename: 's.jpg', data: big },
    });
    assert.equal(tooBig.http, 200);
    assert.equal(tooBig.body['Num. ERRO'], '005');
    assert.match(tooBig.body.Mensagem, /selfie.*4096 bytes/);
    const sigTooBig = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token, contrato: 7 }, {}, {
      selfie: { filename: 's.jpg', data: JPEG },
      assinatura: { filename: 'a.png', data: Buffer.concat([PNG, Buffer.alloc(1000)]) },
    });
    assert.match(sigTooBig.body.Mensagem, /assinatura.*1000 bytes/);
  });

  test('files sent to a route that takes none, repeated files and malformed bodies are 005, never 5xx', async () => {
    const stray = await mkMultipart(t.app, 'WSMKConsultaNome', { token }, { nome: 'Ana' }, { foto: { filename: 'f.jpg', data: JPEG } });
    assert.equal(stray.body['Num. ERRO'], '005');
    const part = (name: string) =>
      Buffer.concat([Buffer.from(`--B\r\nContent-Disposition: form-data; name="${name}"; filename="a.jpg"\r\n\r\n`), JPEG, Buffer.from('\r\n')]);
    const dup = await t.app.inject({
      method: 'POST',
      url: `/mk/WSMKAceiteSelfieAssinatura.rule?token=${token}&contrato=1`,
      headers: { 'content-type': 'multipart/form-data; boundary=B' },
      payload: Buffer.concat([part('selfie'), part('selfie'), Buffer.from('--B--\r\n')]),
    });
    assert.ok(dup.statusCode < 500);
    assert.match(JSON.parse(dup.body).Mensagem, /selfie.*um arquivo só/);
    for (const payload of ['garbage', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', '']) {
      for (const type of ['multipart/form-data; boundary=x', 'multipart/form-data']) {
        const res = await t.app.inject({ method: 'POST', url: `/mk/WSMKConsultaNome.rule?token=${token}&nome=Ana`, headers: { 'content-type': type }, payload });
        assert.ok(res.statusCode < 500, `${type} ${payload}: ${res.statusCode} ${res.body}`);
        assert.ok(['OK', 'ERRO'].includes(JSON.parse(res.body).status));
      }
    }
  });

  test('without a valid token, an upload is refused with the token error', async () => {
    const res = await mkMultipart(t.app, 'WSMKAceiteSelfieAssinatura', { token: 'x'.repeat(20), contrato: 7 }, {}, {
      selfie: { filename: 's.jpg', data: JPEG },
    });
    assert.equal(res.body['Num. ERRO'], '001');
  });

  test('OpenAPI documents file parameters as a multipart body, not as query parameters', async () => {
    const doc = JSON.parse((await t.app.inject({ url: '/openapi.json' })).body);
    const op = doc.paths['/mk/WSMKAceiteSelfieAssinatura.rule'].post;
    assert.deepEqual(op.parameters.map((p: { name: string }) => p.name), ['sys', 'token', 'contrato', 'obs']);
    const schema = op.requestBody.content['multipart/form-data'].schema;
    assert.deepEqual(Object.keys(schema.properties), ['selfie', 'assinatura']);
    assert.deepEqual(schema.required, ['selfie']);
  });
});

test('sniffContentType knows JPEG, PNG and PDF by their magic bytes only', () => {
  assert.equal(sniffContentType(JPEG), 'image/jpeg');
  assert.equal(sniffContentType(PNG), 'image/png');
  assert.equal(sniffContentType(Buffer.from('%PDF-1.7')), 'application/pdf');
  assert.equal(sniffContentType(Buffer.from('GIF89a')), 'application/octet-stream');
  assert.equal(sniffContentType(Buffer.from([0xff, 0xd8])), 'application/octet-stream');
});
