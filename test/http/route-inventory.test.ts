import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ALL_SERVICES } from '../../src/http/endpoint.ts';
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
