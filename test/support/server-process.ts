import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.ts';
import { seedDemo } from '../../src/db/seed/index.ts';
import type { MkResponse } from './mk-client.ts';

const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER_SECRET = 'fault-test-secret-0123456789abcdefghijklmnop';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Seeds the small demo data set (documented customer, demo access) into a migrated database. */
export async function seedSmallDemo(databaseUrl: string, customers = 30): Promise<void> {
  const db = await openDatabase({ databaseUrl, dataDir: 'memory', poolSize: 2 });
  try {
    await seedDemo(db, { customers, seed: 1, now: new Date(), secretKey: SERVER_SECRET });
  } finally {
    await db.destroy();
  }
}

/** The compiled server (`dist/cli.js serve`, built by `npm test`) as a child process on 127.0.0.1. */
export class ServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly base: string,
    readonly stderr: string[],
  ) {}

  static async start(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SECRET_KEY: SERVER_SECRET, LOG_LEVEL: 'warn', DEMO: 'false', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`, stderr);
    // Generous: CI machines are slow and a busy one slower still; a healthy start takes ~1 s.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr.join('')}`);
      try {
        if ((await fetch(`${server.base}/ready`)).ok) return server;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`server did not become ready: ${stderr.join('')}`);
  }

  /** GET an MK call; the JSON body and HTTP status. */
  async mk(
    id: string,
    params: Record<string, string | number>,
    timeoutMs = 10_000,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: MkResponse['body'] }> {
    const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const res = await fetch(`${this.base}/mk/${id}.rule?sys=MK0&${qs}`, { signal: AbortSignal.timeout(timeoutMs), headers });
    return { status: res.status, body: await res.json() };
  }

  async demoToken(): Promise<string> {
    const { body } = await this.mk('WSAutenticacao', { token: 'demo-token', password: 'demo1234', cd_servico: 9999 });
    if (typeof body.Token !== 'string') throw new Error(`no demo session: ${JSON.stringify(body)}`);
    return body.Token;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    await exited;
  }

  stop = () => this.kill('SIGTERM');
}
