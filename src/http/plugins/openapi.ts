import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { EndpointDefinition } from '../endpoint.ts';

/** Drops our normalisation keywords (`x-mk`, …) that are not OpenAPI. */
function publicSchema(schema: TSchema): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema, (key, value) => (key.startsWith('x-') ? undefined : value)));
}

/** OpenAPI 3.1 of every catalog endpoint, built from the same schemas that validate requests. */
export function buildOpenApi(definitions: EndpointDefinition[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of definitions) {
    const all = Object.entries((def.query.properties ?? {}) as Record<string, TSchema>);
    const props = Object.fromEntries(all.filter(([, schema]) => schema['x-mk'] !== 'file'));
    const files = all.filter(([, schema]) => schema['x-mk'] === 'file');
    const required = new Set((def.query.required as string[] | undefined) ?? []);
    const parameters = [
      ...(def.surface === 'mk' ? [{ name: 'sys', in: 'query', schema: { type: 'string', const: 'MK0' } }] : []),
      ...(def.service === 'open'
        ? []
        : [{ name: 'token', in: 'query', required: true, description: 'session token from WSAutenticacao', schema: { type: 'string' } }]),
      ...Object.entries(props)
        .filter(([name]) => !(name === 'token' && def.service !== 'open'))
        .map(([name, schema]) => ({
          name,
          in: 'query',
          required: required.has(name),
          ...(schema.description ? { description: schema.description } : {}),
          schema: publicSchema(schema),
        })),
    ];
    const operation = {
      operationId: def.id,
      summary: def.summary,
      tags: [def.surface],
      description:
        `Catalog id ${def.id}${def.alsoImplements.length ? ` (also ${def.alsoImplements.join(', ')})` : ''}. ` +
        (def.service === 'open' ? 'No session token.' : `Token must grant cd_servico ${def.service} (or 9999).`) +
        ' Errors: HTTP 200 with {"Mensagem","Num. ERRO","status":"ERRO"} (see docs/compatibility.md).',
      parameters,
      ...(files.length > 0 ? { requestBody: multipartBody(files, required) } : {}),
      responses: { 200: { description: 'MK answer', content: { 'application/json': { schema: publicSchema(def.response) } } } },
    };
    paths[def.url] ??= {};
    const item = paths[def.url]!;
    for (const method of def.methods) item[method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Provedor — MK-compatible webservices', version },
    paths,
  };
}

function multipartBody(files: Array<[string, TSchema]>, required: Set<string>): Record<string, unknown> {
  const properties = Object.fromEntries(
    files.map(([name, schema]) => [name, { type: 'string', format: 'binary', ...(schema.description ? { description: schema.description } : {}) }]),
  );
  const schema = { type: 'object', properties, required: files.map(([name]) => name).filter((n) => required.has(n)) };
  return { required: true, content: { 'multipart/form-data': { schema } } };
}

export function registerOpenApi(app: FastifyInstance, definitions: EndpointDefinition[]): void {
  const document = buildOpenApi(definitions, '0.1.0');
  app.get('/openapi.json', async () => document);
  app.get('/docs', async (_request, reply) => {
    const rows = definitions
      .map((d) => `<tr><td>${d.methods.join(' ')}</td><td><code>${d.url}</code></td><td>${d.id}</td><td>${d.service}</td><td>${escapeHtml(d.summary)}</td></tr>`)
      .join('\n');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Provedor API</title></head><body>` +
          `<h1>Provedor API reference</h1><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>` +
          `<table border="1" cellpadding="4"><tr><th>method</th><th>path</th><th>catalog id</th><th>cd_servico</th><th>summary</th></tr>${rows}</table></body></html>`,
      );
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
