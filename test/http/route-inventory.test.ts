import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ALL_SERVICES } from '../../src/http/endpoint.ts';
import { paramLookup } from '../../src/http/mk/params.ts';
import { modules } from '../../src/modules/index.ts';

interface CatalogEntry {
  id: string;
  method: string;
  path: string;
  cd_servico?: number | null;
}
const catalog = JSON.parse(readFileSync(new URL('../../spec/catalog/endpoints.json', import.meta.url), 'utf8')) as CatalogEntry[];
const services = JSON.parse(readFileSync(new URL('../../spec/catalog/services.json', import.meta.url), 'utf8')) as Array<{
  cd_servico: number;
  endpoint_id: string | null;
}>;
const byId = new Map(catalog.map((e) => [e.id, e]));
const serviceOf = new Map(services.filter((s) => s.endpoint_id).map((s) => [s.endpoint_id!, s.cd_servico]));
const definitions = modules.flatMap((m) => m.endpoints);

test('every route carries a catalog id, once', () => {
  const seen = new Set<string>();
  for (const def of definitions) {
    for (const id of [def.id, ...def.alsoImplements]) {
      assert.ok(byId.has(id), `${id} is not in spec/catalog/endpoints.json`);
      assert.ok(!seen.has(id), `${id} is registered twice`);
      seen.add(id);
    }
  }
});

test('every route sits at its catalog path and method', () => {
  for (const def of definitions) {
    const entry = byId.get(def.id)!;
    assert.equal(def.url, entry.path, def.id);
    assert.ok(def.methods.includes(entry.method as 'GET'), `${def.id}: catalog method ${entry.method}`);
  }
});

test('every route declares its service scope: its cd_servico, 9999 when it has none, open only for auth', () => {
  for (const def of definitions) {
    if (def.id.startsWith('WSAutenticacao')) {
      assert.equal(def.service, 'open', def.id);
      continue;
    }
    assert.equal(def.service, serviceOf.get(def.id) ?? ALL_SERVICES, `${def.id} scope`);
  }
});

test('every parameter that looks like a secret or card data is kept out of logs (declared sensitive)', () => {
  const secretName = /token|senha|pass|secret|cvv|portador|^numero_cartao$/i;
  const leaks: string[] = [];
  for (const def of definitions) {
    const policy = paramLookup(def.query);
    const isCard = /Cartao/i.test(def.id);
    for (const [name, info] of policy) {
      if ((secretName.test(name) || (isCard && ['numero', 'mm', 'aa', 'validade'].includes(name))) && info.loggable) leaks.push(`${def.id}: ${name}`);
    }
  }
  assert.deepEqual(leaks, [], 'declare these { sensitive: true }');
});

test('service codes WSAutenticacao grants without a route are listed (they answer 010 until implemented)', (t) => {
  const routed = new Set(definitions.flatMap((d) => [d.id, ...d.alsoImplements]));
  const unrouted = services.filter((s) => s.cd_servico !== ALL_SERVICES && (!s.endpoint_id || !routed.has(s.endpoint_id)));
  const routedCodes = services.filter((s) => s.endpoint_id && routed.has(s.endpoint_id));
  t.diagnostic(`service codes without a route: ${unrouted.map((s) => `${s.cd_servico}${s.endpoint_id ? ` (${s.endpoint_id})` : ''}`).join(', ') || 'none'}`);
  assert.equal(unrouted.length + routedCodes.length, services.length - 1, 'every code but 9999 is either routed or listed');
  for (const s of routedCodes) {
    const def = definitions.find((d) => d.id === s.endpoint_id || d.alsoImplements.includes(s.endpoint_id!));
    assert.equal(def?.service, s.cd_servico, `${s.endpoint_id} is routed under its code ${s.cd_servico}`);
  }
  assert.ok(routedCodes.length > 0);
});
