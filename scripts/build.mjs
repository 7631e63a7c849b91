#!/usr/bin/env node
// Compiles src/ to dist/ (JavaScript that `npm start` and the `provedor` command run, so
// production never transpiles at start) and copies the SQL migrations beside the compiled
// migrate.js. Runs on `npm ci` (prepare) and at the start of `npm test`.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
