// Server processes for the benchmarks: start one, wait until it answers, read its CPU and memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const BENCH_SECRET_KEY = 'bench-secret-key-0123456789abcdefghijklmnopqrstuv';

/** The environment of a server on the bench database (`.tmp/bench-data-<customers>` or DATABASE_URL). */
export function benchServerEnv(customers = 10_000): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SECRET_KEY: BENCH_SECRET_KEY,
    DATA_DIR: resolve(process.env.BENCH_DATA_DIR ?? `.tmp/bench-data-${customers}`),
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    TZ: 'UTC',
  };
}

export async function withServer<T>(
  args: string[],
  env: NodeJS.ProcessEnv,
  work: (pid: number, base: string) => Promise<T>,
  where: { cwd: string; env: Record<string, string> } = { cwd: '.', env: {} },
): Promise<T> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: where.cwd,
    env: { ...env, ...where.env, PORT: String(port), POOL: '10' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(child, `${base}${args[0] === 'dist/cli.js' ? '/ready' : '/customer/1'}`);
    return await work(child.pid ?? 0, base);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function waitUntilUp(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

export async function sessionToken(base: string): Promise<string> {
  const res = await fetch(`${base}/mk/WSAutenticacao.rule?sys=MK0&token=demo-token&password=demo1234&cd_servico=9999`);
  const body = (await res.json()) as { Token?: string };
  if (!body.Token) throw new Error(`no session token: ${JSON.stringify(body)} (the database needs the demo access)`);
  return body.Token;
}

/** CPU ticks (1/100 s) used so far by a process of this machine, user + system. */
export function cpuTicks(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export function rssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Math.round(Number(line[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
