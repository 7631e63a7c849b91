#!/usr/bin/env node
// Finds every test file under test/ and runs them with node's built-in runner through tsx
// (node 20's --test does not expand globs). Extra arguments are passed to `node --test`;
// file arguments restrict the run to those files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.ts'));
const flags = args.filter((a) => !a.endsWith('.ts'));
const tests = files.length > 0 ? files : findTests('test').sort();
// The admin page test drives Debian's Chromium (npm cannot download a browser here). On a fresh
// machine, install it the way .ci/run does, when we may (root or passwordless sudo); otherwise
// that test fails with a message naming the package.
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM) && existsSync('/usr/bin/apt-get')) {
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  console.error(`${CHROMIUM} missing: installing Debian's chromium package for the admin page test`);
  const install = `${asRoot.join(' ')} apt-get update -qq && ${asRoot.join(' ')} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`;
  spawnSync('sh', ['-c', install], { stdio: 'inherit' });
}
// Warm the migrated-database snapshot once, so parallel test files don't all build it.
const warm = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/warm-test-db.ts'], { stdio: 'inherit' });
if (warm.status !== 0) process.exit(warm.status ?? 1);
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-force-exit', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...flags, ...tests],
  { stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } },
);
process.exit(result.status ?? 1);
