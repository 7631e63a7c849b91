import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BODY_LIMIT, MAX_PAIRS, MAX_VALUES_PER_KEY, overflowError, tooManyValues } from './body-parsing.ts';
import { MkError } from './mk-errors.ts';

/** The content types the kit recognises from a file's first bytes. */
export type SniffedType = 'image/jpeg' | 'image/png' | 'application/pdf' | 'application/octet-stream';

/**
 * An uploaded file as handlers receive it. `contentType` comes from the bytes, never from the
 * file name or the part's header; `filename` is informative only (never use it as a path).
 */
export class MkFile {
  constructor(
    readonly fieldName: string,
    readonly filename: string,
    readonly contentType: SniffedType,
    readonly data: Buffer,
  ) {}
  get size(): number {
    return this.data.length;
  }
  toJSON(): string {
    return `[file ${this.contentType} ${this.size} bytes]`;
  }
}

export function sniffContentType(data: Buffer): SniffedType {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return 'application/octet-stream';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Most files one request may carry (the largest documented upload has two). */
export const MAX_FILES = 5;

export async function registerMultipart(app: FastifyInstance, uploadMaxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: {
      fields: MAX_PAIRS,
      fieldSize: BODY_LIMIT,
      files: MAX_FILES,
      fileSize: uploadMaxBytes,
      parts: MAX_PAIRS + MAX_FILES,
      headerPairs: 50,
    },
  });
}

export interface MultipartContent {
  fields: Record<string, unknown>;
  files: Record<string, MkFile>;
}

/**
 * Reads a multipart body: text fields like urlencoded ones, file parts only for the names in
 * `fileNames` (lower-cased), each up to `maxFileBytes`. Anything over a limit, malformed, or a
 * file the route does not take is refused with 005 without reading further.
 */
export async function readMultipart(
  request: FastifyRequest,
  fileNames: ReadonlySet<string>,
  maxFileBytes: number,
): Promise<MultipartContent> {
  const fields: Record<string, unknown> = Object.create(null);
  const counts = new Map<string, number>();
  const files: Record<string, MkFile> = Object.create(null);
  let textBytes = 0;
  const limits = { files: fileNames.size === 0 ? 0 : MAX_FILES, fileSize: maxFileBytes };
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        if (!fileNames.has(part.fieldname.toLowerCase())) {
          part.file.resume();
          throw overflowError(`arquivo não esperado neste serviço: ${part.fieldname.slice(0, 60)}`);
        }
        if (files[part.fieldname] !== undefined) {
          part.file.resume();
          throw new MkError('invalidParam', `Parâmetro inválido: ${part.fieldname} (um arquivo só).`);
        }
        const data = await part.toBuffer();
        files[part.fieldname] = new MkFile(part.fieldname, part.filename, sniffContentType(data), data);
        continue;
      }
      if (part.valueTruncated) throw overflowError(`corpo maior que ${BODY_LIMIT / 1024 / 1024} MB`);
      textBytes += part.fieldname.length + (typeof part.value === 'string' ? part.value.length : BODY_LIMIT / MAX_PAIRS);
      if (textBytes > BODY_LIMIT) throw overflowError(`corpo maior que ${BODY_LIMIT / 1024 / 1024} MB`);
      const count = (counts.get(part.fieldname) ?? 0) + 1;
      if (count > MAX_VALUES_PER_KEY) throw overflowError(tooManyValues(part.fieldname));
      counts.set(part.fieldname, count);
      // A repeated name becomes a list, as in a query string (the kit refuses lists with 005).
      if (count === 1) fields[part.fieldname] = part.value;
      else if (count === 2) fields[part.fieldname] = [fields[part.fieldname], part.value];
      else (fields[part.fieldname] as unknown[]).push(part.value);
    }
  } catch (error) {
    throw asMkError(error, maxFileBytes);
  }
  return { fields, files };
}

function asMkError(error: unknown, maxFileBytes: number): MkError {
  if (error instanceof MkError) return error;
  const e = error as { code?: string; part?: { fieldname?: string } };
  switch (e.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new MkError('invalidParam', `Parâmetro inválido: ${String(e.part?.fieldname ?? 'arquivo').slice(0, 60)} (${fileLimitText(maxFileBytes)}).`);
    case 'FST_FILES_LIMIT':
      return overflowError('arquivos demais ou não esperados neste serviço');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return overflowError(`mais de ${MAX_PAIRS} parâmetros na requisição`);
    default:
      return overflowError('corpo multipart/form-data malformado');
  }
}

export const fileLimitText = (maxBytes: number) =>
  `arquivo de até ${maxBytes % (1024 * 1024) === 0 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes} bytes`}`;
