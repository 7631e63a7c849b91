#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` / `npm run build`): no TypeScript at run time.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npm run build\` (npm ci runs it) first.`);
  process.exit(1);
}
await import(pathToFileURL(cli).href);
