// Memory under a steady load: the compiled app serves a fixed request rate mixing the MK calls
// of `npm run bench` for N minutes; its RSS is printed every 30 s, then the growth trend (least
// squares over the second half, after warm-up) in MB per minute.
//   npx tsx bench/soak.ts [--minutes 10] [--rate 200] [--connections 20]
//   (on the database `npm run bench` seeded: .tmp/bench-data-10000, or DATABASE_URL)
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchServerEnv, rssMb, sessionToken, withServer } from './server-process.ts';

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '20' },
    interval: { type: 'string', default: '30' },
  },
});
const minutes = Number(opts.minutes);
const intervalS = Number(opts.interval);
const env = benchServerEnv();

const samples: Array<{ s: number; rss: number; requests: number }> = [];
await withServer(['dist/cli.js', 'serve'], env, async (pid, base) => {
  const token = await sessionToken(base);
  const paths = [
    `/mk/WSMKConsultaDoc.rule?sys=MK0&token=${token}&doc=52998224725`,
    `/mk/WSMKFaturasPendentes.rule?sys=MK0&token=${token}&cd_cliente=1`,
    `/mk/WSMKContratosPorCliente.rule?sys=MK0&token=${token}&cd_cliente=1`,
    `/mk/WSMKConexoesPorCliente.rule?sys=MK0&token=${token}&cd_cliente=1`,
    '/mk/WSAutenticacao.rule?sys=MK0&token=demo-token&password=demo1234&cd_servico=9999',
  ];
  let requests = 0;
  let non2xx = 0;
  const started = Date.now();
  let instance: autocannon.Instance | undefined;
  const load = new Promise<autocannon.Result>((done, fail) => {
    instance = autocannon(
      {
        url: base,
        connections: Number(opts.connections),
        overallRate: Number(opts.rate),
        duration: minutes * 60,
        requests: paths.map((path) => ({ method: 'GET' as const, path })),
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
  });
  instance?.on('response', (_client, status) => {
    requests++;
    if (status >= 300) non2xx++;
  });
  const sample = () => {
    const s = Math.round((Date.now() - started) / 1000);
    const rss = rssMb(pid) ?? 0;
    samples.push({ s, rss, requests });
    console.log(`${String(s).padStart(5)} s  RSS ${String(rss).padStart(4)} MB  ${requests} requests`);
  };
  sample();
  const timer = setInterval(sample, intervalS * 1000);
  const result = await load;
  clearInterval(timer);
  sample();
  console.log(`\n${result.requests.total} requests, ${non2xx} not 2xx, ${result.errors} errors; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
});

const late = samples.filter((x) => x.s >= (minutes * 60) / 2);
const n = late.length;
const meanX = late.reduce((a, x) => a + x.s, 0) / n;
const meanY = late.reduce((a, x) => a + x.rss, 0) / n;
const slope = late.reduce((a, x) => a + (x.s - meanX) * (x.rss - meanY), 0) / Math.max(1, late.reduce((a, x) => a + (x.s - meanX) ** 2, 0));
const rss = samples.map((x) => x.rss);
console.log(
  `RSS min ${Math.min(...rss)} MB, max ${Math.max(...rss)} MB; trend over the second half: ${(slope * 60).toFixed(2)} MB/min ` +
    `(${n} samples)`,
);
process.exit(0);
