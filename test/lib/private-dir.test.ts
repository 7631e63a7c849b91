import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { dumpEmbedded, openDatabase } from '../../src/db/database.ts';
import { ensurePrivateDir, PrivateDirError } from '../../src/lib/private-dir.ts';
import { freshDatabase } from '../support/test-db.ts';

const base = resolve(`.tmp/private-dir-${process.pid}`);
after(() => rmSync(base, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

function looseEntries(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    if (mode(path) & 0o077) out.push(`${path} ${mode(path).toString(8)}`);
  }
  return out;
}

test('a new DATA_DIR is created 0700', () => {
  const dir = join(base, 'new', 'nested');
  ensurePrivateDir(dir);
  assert.equal(mode(dir), 0o700);
});

test('an existing DATA_DIR is tightened: directories 0700, files 0600; symlink targets untouched', () => {
  const dir = join(base, 'old');
  mkdirSync(join(dir, 'base', '1'), { recursive: true });
  writeFileSync(join(dir, 'base', '1', 'wal'), 'customer data');
  writeFileSync(join(dir, 'secret.key'), 'k');
  const outside = join(base, 'outside.txt');
  writeFileSync(outside, 'x');
  chmodSync(outside, 0o644);
  symlinkSync(outside, join(dir, 'link'));
  for (const p of [dir, join(dir, 'base'), join(dir, 'base', '1')]) chmodSync(p, 0o777);
  for (const p of [join(dir, 'base', '1', 'wal'), join(dir, 'secret.key')]) chmodSync(p, 0o666);
  ensurePrivateDir(dir);
  assert.equal(mode(dir), 0o700);
  assert.equal(mode(join(dir, 'base', '1')), 0o700);
  assert.equal(mode(join(dir, 'base', '1', 'wal')), 0o600);
  assert.equal(mode(join(dir, 'secret.key')), 0o600);
  assert.equal(mode(outside), 0o644);
});

test('a directory that cannot be made private stops the start with a message naming it', () => {
  assert.throws(
    () => ensurePrivateDir('/proc/1'),
    (e: Error) => e instanceof PrivateDirError && /DATA_DIR \/proc\/1: cannot make \/proc\/1 private/.test(e.message),
  );
});

test('the generated secret lives in a 0700 DATA_DIR', () => {
  const dir = join(base, 'secret');
  loadConfig({ DATA_DIR: dir });
  assert.equal(mode(dir), 0o700);
  assert.equal(mode(join(dir, 'secret.key')), 0o600);
});

test('the embedded database directory and every file the engine writes are private', async () => {
  const template = await freshDatabase();
  const snapshot = await dumpEmbedded(template);
  await template.destroy();
  const dir = join(base, 'pgdata');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const db = await openDatabase({ dataDir: dir, snapshot: snapshot! });
  try {
    assert.equal(mode(dir), 0o700);
    assert.ok(readdirSync(dir).length > 5);
    assert.deepEqual(looseEntries(dir), []);
  } finally {
    await db.destroy();
  }
});
