import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export class PrivateDirError extends Error {}

/**
 * Creates `dir` readable only by this user (0700) or tightens an existing one: every directory
 * below becomes 0700 at most and every file 0600 at most (owner bits kept, group/other bits
 * removed). The embedded database writes its files world-readable; its WAL holds customer data.
 * Symbolic links are left alone. A file this user cannot chmod stops the start with a message.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tighten(dir, dir);
}

function tighten(root: string, path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const wanted = stat.isDirectory() ? 0o700 : stat.mode & 0o600;
  if ((stat.mode & 0o777) !== wanted) {
    try {
      chmodSync(path, wanted);
    } catch (e) {
      throw new PrivateDirError(
        `DATA_DIR ${root}: cannot make ${path} private (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ` +
          'it must belong to the user running Provedor (chown -R that user, then chmod -R go-rwx)',
      );
    }
  }
  if (stat.isDirectory()) for (const name of readdirSync(path)) tighten(root, join(path, name));
}
