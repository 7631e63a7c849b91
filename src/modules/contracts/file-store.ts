import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface StoredFile {
  sha256: string;
  /** Relative to DATA_DIR. */
  storagePath: string;
  /** True when this call created the file (so a rolled-back request may remove it). */
  created: boolean;
}

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * Content-addressed storage under `DATA_DIR/files/<2 hex>/<sha256>.<ext>`: the same bytes map to
 * the same path, written through a temporary file and a rename so readers never see half a file.
 */
export async function storeFile(dataDir: string, data: Buffer, contentType: string): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const storagePath = join('files', sha256.slice(0, 2), `${sha256}.${EXTENSION[contentType] ?? 'bin'}`);
  const full = join(dataDir, storagePath);
  try {
    await access(full);
    return { sha256, storagePath, created: false };
  } catch {
    // not stored yet
  }
  await mkdir(dirname(full), { recursive: true });
  const tmp = `${full}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, data, { flag: 'wx' });
  await rename(tmp, full);
  return { sha256, storagePath, created: true };
}

/** Removes files this request created, when its transaction did not commit. */
export async function discardCreated(dataDir: string, files: StoredFile[]): Promise<void> {
  await Promise.all(files.filter((f) => f.created).map((f) => rm(join(dataDir, f.storagePath), { force: true })));
}
