// Time from starting the compiled server (`node dist/cli.js serve`, what `npm start` runs) to its
// first 200 on /ready, on an already migrated database; N starts, one at a time.
//   npx tsx bench/start.ts [--runs 5]   (on .tmp/bench-data-10000 or DATABASE_URL)
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { benchServerEnv, freePort } from './server-process.ts';

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const env = benchServerEnv();

const times: number[] = [];
for (let i = 0; i < Number(opts.runs); i++) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/cli.js', 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  times.push(performance.now() - started);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}
times.sort((a, b) => a - b);
const ms = (x: number | undefined) => `${Math.round(x ?? 0)} ms`;
console.log(`${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded'}: start to /ready over ${times.length} starts: ` +
  `median ${ms(times[Math.floor(times.length / 2)])}, min ${ms(times[0])}, max ${ms(times.at(-1))}`);
