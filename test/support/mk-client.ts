import type { FastifyInstance } from 'fastify';

export interface MkResponse {
  http: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary MK bodies by key
  body: any;
  raw: string;
  contentType: string | undefined;
}

/** Calls `/mk/<name>.rule?sys=MK0&…` as MK clients do (GET, query string), or POST with a form body. */
export async function mk(
  app: FastifyInstance,
  name: string,
  params: Record<string, string | number | undefined>,
  options: { method?: 'GET' | 'POST'; ip?: string } = {},
): Promise<MkResponse> {
  const query = new URLSearchParams({ sys: 'MK0' });
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
  const res =
    options.method === 'POST'
      ? await app.inject({
          method: 'POST',
          url: `/mk/${name}.rule`,
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
          payload: query.toString(),
          remoteAddress: options.ip ?? '127.0.0.1',
        })
      : await app.inject({ method: 'GET', url: `/mk/${name}.rule?${query}`, remoteAddress: options.ip ?? '127.0.0.1' });
  return { http: res.statusCode, body: safeJson(res.body), raw: res.body, contentType: res.headers['content-type'] as string | undefined };
}

/** Calls a `/core-api/...` route with `?token=` and query or JSON body. */
export async function core(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  params: Record<string, unknown>,
  options: { ip?: string; body?: Record<string, unknown> } = {},
): Promise<MkResponse> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
  const res = await app.inject({
    method,
    url: `/core-api${path}?${query}`,
    remoteAddress: options.ip ?? '127.0.0.1',
    ...(options.body ? { payload: options.body } : {}),
  });
  return { http: res.statusCode, body: safeJson(res.body), raw: res.body, contentType: res.headers['content-type'] as string | undefined };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Asserts the MK error envelope of a not-found/business error: exactly three keys. */
export function isMkErrorBody(body: unknown, code?: string): boolean {
  if (!body || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return b.status === 'ERRO' && typeof b.Mensagem === 'string' && (code === undefined || b['Num. ERRO'] === code);
}

export interface UploadPart {
  filename: string;
  data: Buffer;
  /** The part's declared type; the kit must not trust it. */
  contentType?: string;
}

/** A `multipart/form-data` body with text fields and file parts, as Postman/curl -F send it. */
export function multipartBody(fields: Record<string, string>, files: Record<string, UploadPart> = {}): { payload: Buffer; contentType: string } {
  const boundary = `----provedor${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const [name, file] of Object.entries(files)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs `/mk/<name>.rule` with `query` in the URL and a multipart body. */
export async function mkMultipart(
  app: FastifyInstance,
  name: string,
  query: Record<string, string | number | undefined>,
  fields: Record<string, string>,
  files: Record<string, UploadPart> = {},
): Promise<MkResponse> {
  const qs = new URLSearchParams({ sys: 'MK0' });
  for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
  const body = multipartBody(fields, files);
  const res = await app.inject({
    method: 'POST',
    url: `/mk/${name}.rule?${qs}`,
    headers: { 'content-type': body.contentType },
    payload: body.payload,
  });
  return { http: res.statusCode, body: safeJson(res.body), raw: res.body, contentType: res.headers['content-type'] as string | undefined };
}
