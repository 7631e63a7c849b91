import type { CompanyCatalog } from './seed-catalog.ts';
import type { CityBase } from './seed-places.ts';
import type { CityRef, CompanyRef, SeedContext, ServerPools } from './world.ts';
import { businessInstant, daysAgo } from './world.ts';

const HEX = '0123456789abcdef';

/** Integer form of an IPv4 address, and back. */
export const ipv4 = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const ipv4Base = (a: number, b: number, c: number, d: number): number => ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;

// A static pool is a /18; one more per company for every CUSTOMERS_PER_SPARE_POOL customers
// (at ~2.6 % of customers on static addresses, a company's first /18 fills up near 600 000).
export const STATIC_POOL_SIZE = 1 << 14;
const CUSTOMERS_PER_SPARE_POOL = 400_000;

// Which concentrator serves each city (index into the company's servers).
const SERVER_OF_CITY = [0, 0, 1, 1, 1, 1, 0, 0, 0, 0];

/** Concentrators, access points per city, IP pools; fills each city's OLT/tower and each company's pools. */
export function seedNetwork(
  ctx: SeedContext,
  cities: CityBase[],
  catalogs: CompanyCatalog[],
  customers: number,
): { cities: CityRef[]; companies: CompanyRef[]; serverPools: Map<number, ServerPools> } {
  const { r, batch, ids } = ctx;
  const created = businessInstant(r, daysAgo(ctx, 1700));
  let serverSeq = 0;
  const companies: CompanyRef[] = catalogs.map((catalog, companyIndex) => {
    const names = companyIndex === 0 ? ['BNG-LDA-01', 'BNG-CBE-01'] : ['BNG-OUR-01'];
    const serverIds = names.map((name, i) => {
      serverSeq += 1;
      const id = ids.next('servers');
      batch.add('servers', {
        id, company_id: catalog.id, name, kind: i === 1 ? 'huawei' : 'mikrotik', ip_address: `10.255.0.${serverSeq}`,
        nas_identifier: name.toLowerCase(), radius_secret: r.chars(24, HEX), active: true, created_at: created,
      });
      for (const plan of catalog.plans) {
        if (plan.planTypeId === 1) batch.add('server_access_plans', { server_id: id, access_plan_id: plan.id });
      }
      return id;
    });
    // Static (Atribuição) addresses come from a /18 of public space per company.
    const { id, base } = addStaticPool(ctx, catalog, companyIndex, 0);
    return { ...catalog, serverIds, staticPool: { id, base, next: base + 2, spares: [] } };
  });

  const serverPools = new Map<number, ServerPools>();
  let serverIndex = 0;
  for (const company of companies) {
    for (const serverId of company.serverIds) {
      serverIndex += 1;
      const cgnat = ipv4Base(100, 64, serverIndex * 16, 0);
      const pools: [string, string, string, string | null][] = [
        [`CGNAT-${serverIndex}`, 'mk_pool', `${ipv4(cgnat)}/20`, ipv4(cgnat + 1)],
        [`DINAMICO-${serverIndex}`, 'dynamic', `${ipv4(ipv4Base(100, 65, serverIndex * 16, 0))}/20`, null],
        [`IPV6-${serverIndex}`, 'ipv6_pool', `2804:1f2c:${serverIndex}00::/40`, null],
      ];
      const [mkPool, dynamicPool, ipv6Pool] = pools.map(([name, kind, network, gateway]) => {
        const id = ids.next('ip_pools');
        batch.add('ip_pools', { id, company_id: company.id, server_id: serverId, access_point_id: null, name, kind, network, gateway, active: true });
        return id;
      }) as [number, number, number];
      serverPools.set(serverId, { mkPool, dynamicPool, ipv6Pool, cgnatBase: cgnat });
    }
  }
  // Spare static pools come after every other pool, so smaller seeds keep the same rows and ids.
  const spares = Math.floor(customers / CUSTOMERS_PER_SPARE_POOL);
  companies.forEach((company, companyIndex) => {
    for (let n = 1; n <= spares; n++) company.staticPool.spares.push(addStaticPool(ctx, company, companyIndex, n));
  });

  const refs: CityRef[] = cities.map((city, i) => {
    const company = companies[city.spec.company];
    if (!company) throw new Error('city company missing');
    const serverId = company.serverIds[(SERVER_OF_CITY[i] ?? 0) % company.serverIds.length] as number;
    const code = city.spec.name.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 3).toUpperCase();
    const accessPoint = (kind: 'olt' | 'tower', n: number) => {
      const id = ids.next('access_points');
      batch.add('access_points', {
        id, company_id: company.id, server_id: serverId, name: `${code}-${kind === 'olt' ? 'OLT' : 'TORRE'}-0${n}`,
        kind, technology: kind === 'olt' ? 'ftth' : 'wireless', ip_address: `10.${20 + i}.0.${n}`,
        latitude: city.spec.latitude, longitude: city.spec.longitude, active: true, created_at: created,
      });
      return { id, serverId };
    };
    const olt = accessPoint('olt', 1);
    // Rural towers exist only around the smaller towns.
    const tower = city.spec.weight < 20 ? accessPoint('tower', 1) : null;
    return { ...city, olt, tower };
  });
  return { cities: refs, companies, serverPools };
}

/** The company's n-th static /18 (177.84+n.x.0/18), its gateway address reserved. */
function addStaticPool(ctx: SeedContext, company: CompanyCatalog, companyIndex: number, n: number): { id: number; base: number } {
  const base = ipv4Base(177, 84 + n, companyIndex * 64, 0);
  const id = ctx.ids.next('ip_pools');
  const name = `FIXOS-${company.merchantName.replace(/ /g, '-')}${n > 0 ? `-${n + 1}` : ''}`;
  ctx.batch.add('ip_pools', {
    id, company_id: company.id, server_id: null, access_point_id: null, name,
    kind: 'static', network: `${ipv4(base)}/18`, gateway: ipv4(base + 1), active: true,
  });
  ctx.batch.add('ip_addresses', { id: ctx.ids.next('ip_addresses'), ip_pool_id: id, address: ipv4(base + 1), reserved: true });
  return { id, base };
}
