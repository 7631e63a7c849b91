// Prints, per domain of spec/catalog/domains.json, how many catalog endpoints are implemented.
import { readFileSync } from 'node:fs';
import { modules } from '../src/modules/index.ts';

const domains = JSON.parse(readFileSync(new URL('../spec/catalog/domains.json', import.meta.url), 'utf8')) as Record<
  string,
  string[]
>;
const implemented = new Set(modules.flatMap((m) => m.endpoints).flatMap((d) => [d.id, ...d.alsoImplements]));
let total = 0;
let done = 0;
for (const [domain, ids] of Object.entries(domains)) {
  const have = ids.filter((id) => implemented.has(id));
  total += ids.length;
  done += have.length;
  const missing = ids.filter((id) => !implemented.has(id));
  console.log(`${domain.padEnd(10)} ${String(have.length).padStart(3)}/${ids.length}${missing.length ? `  missing: ${missing.join(', ')}` : ''}`);
}
console.log(`implemented ${done}/${total}`);
