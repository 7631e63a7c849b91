import { addDays, compareIsoDates, daysBetween } from '../../../lib/dates.ts';
import type { ContractDraft } from './contracts.ts';
import { type CustomerDraft, placeOnStreet } from './customers.ts';
import type { InvoiceDraft } from './invoices.ts';
import { ipv4, STATIC_POOL_SIZE } from './seed-network.ts';
import type { SeedContext, StreetRef, World } from './world.ts';
import { businessInstant, instant } from './world.ts';

/** What later steps (CTO ports, outages, tickets) need to know about a connection. */
export interface ConnectionRef {
  id: number;
  companyId: number;
  customerId: number;
  contractId: number;
  accessPointId: number;
  street: StreetRef;
  latitude: number;
  longitude: number;
  ftth: boolean;
  live: boolean;
}

const OUIS = ['E0:24:7F', '34:4B:50', '50:C7:BF', 'C8:3A:35', '98:DE:D0', '00:1E:58', 'DC:9F:DB'];
const HEX = '0123456789ABCDEF';
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The connection of an internet contract, with a state consistent with its unpaid invoices. */
export function emitConnection(
  ctx: SeedContext, world: World, c: CustomerDraft, k: ContractDraft, invoices: InvoiceDraft[], username?: string,
): ConnectionRef | null {
  const { r, batch, ids } = ctx;
  const plan = k.internetPlan;
  if (!plan) return null;
  if (k.status === 'awaiting_activation' && r.chance(0.4)) return null;
  const id = ids.next('connections');
  const wireless = plan.technology === 'wireless';
  const accessPoint = wireless && c.city.tower ? c.city.tower : c.city.olt;
  const pools = world.serverPools.get(accessPoint.serverId);
  if (!pools) throw new Error(`no pools for server ${accessPoint.serverId}`);
  const elsewhere = !username && r.chance(0.05) ? r.pick(r.pick(c.city.neighbourhoods).streets) : null;
  const spot = elsewhere ? placeOnStreet(r, elsewhere) : { latitude: c.latitude, longitude: c.longitude };
  const created = businessInstant(r, k.activatedOn ?? k.signedOn);

  const ipRoll = r.next();
  const ipType = plan.business && ipRoll < 0.6 ? 'static' : ipRoll < 0.9 ? 'mk_pool' : ipRoll < 0.97 ? 'dynamic' : 'ipv6_pool';
  let ipAddressId: number | null = null;
  let framedIp: string | null = null;
  if (ipType === 'static') {
    const pool = c.company.staticPool;
    if ((pool.next & 255) === 255) pool.next += 2;
    if (pool.next >= pool.base + STATIC_POOL_SIZE - 1) {
      const spare = pool.spares.shift();
      if (!spare) throw new Error(`seed: the static address pools of company ${c.company.id} are full`);
      Object.assign(pool, { id: spare.id, base: spare.base, next: spare.base + 2 });
    }
    framedIp = ipv4(pool.next);
    pool.next += 1;
    ipAddressId = ids.next('ip_addresses');
    batch.add('ip_addresses', { id: ipAddressId, ip_pool_id: pool.id, address: framedIp, reserved: false });
  } else if (ipType !== 'ipv6_pool') {
    framedIp = ipv4(pools.cgnatBase + r.int(2, 4093));
  }

  // Blocking follows the contract and the oldest unpaid invoice, as the blocking job would.
  let blockReason: 'non_payment' | 'indefinite' | 'contract_not_accepted' | null = null;
  let blockedOn: string | null = null;
  let reducedOn: string | null = null;
  const ignoreBlocking = r.chance(0.02);
  const oldestUnpaid = invoices.find((i) => i.status === 'open' && compareIsoDates(i.dueDate, ctx.today) < 0);
  if (k.status === 'cancelled' || k.status === 'suspended') {
    blockReason = 'indefinite';
    blockedOn = k.cancelledOn ?? k.suspendedOn;
  } else if (k.acceptancePending) {
    blockReason = 'contract_not_accepted';
    blockedOn = k.signedOn;
  } else if (oldestUnpaid && !ignoreBlocking) {
    const late = daysBetween(oldestUnpaid.dueDate, ctx.today);
    const rule = k.blockingRule;
    if (late >= rule.blockAfterDays) {
      blockReason = 'non_payment';
      blockedOn = addDays(oldestUnpaid.dueDate, rule.blockAfterDays);
    } else if (rule.reduceAfterDays !== null && late >= rule.reduceAfterDays) {
      reducedOn = addDays(oldestUnpaid.dueDate, rule.reduceAfterDays);
    }
  }
  const selfUnblockAllowed = k.status === 'active' && !r.chance(0.1);
  let unblockedUntil: Date | null = null;
  const overdueBlock = blockReason === 'non_payment' || reducedOn !== null;
  if (overdueBlock && selfUnblockAllowed && r.chance(0.25)) {
    // Self-unblocked in the last days and still within the grace period.
    const requested = new Date(ctx.now.getTime() - r.int(1, 36) * 3_600_000);
    unblockedUntil = new Date(requested.getTime() + k.blockingRule.selfUnblockDays * 86_400_000);
    batch.add('connection_self_unblocks', {
      id: ids.next('connection_self_unblocks'), connection_id: id, requested_at: requested, days: k.blockingRule.selfUnblockDays,
      unblocked_until: unblockedUntil, channel: r.pick(['api', 'api_v2', 'sac', 'app']),
      was_blocked: blockReason !== null, was_reduced: reducedOn !== null, previous_block_reason: blockReason, reblocked_at: null,
    });
    blockReason = null;
    blockedOn = null;
    reducedOn = null;
  } else if (c.payer !== 'good' && k.activatedOn && r.chance(0.4)) {
    // An older self-unblock, followed by payment (no re-block).
    const on = addDays(ctx.today, -r.int(35, 300));
    if (compareIsoDates(on, k.activatedOn) > 0) {
      const requested = businessInstant(r, on);
      batch.add('connection_self_unblocks', {
        id: ids.next('connection_self_unblocks'), connection_id: id, requested_at: requested, days: k.blockingRule.selfUnblockDays,
        unblocked_until: new Date(requested.getTime() + k.blockingRule.selfUnblockDays * 86_400_000),
        channel: r.pick(['api', 'sac', 'app']), was_blocked: true, was_reduced: false, previous_block_reason: 'non_payment',
        reblocked_at: null,
      });
    }
  }
  const blockedAt = blockedOn ? instant(blockedOn, 6) : null;
  const disabledAt = k.cancelledOn ? businessInstant(r, k.cancelledOn) : null;
  batch.add('connections', {
    id, customer_id: c.id, contract_id: k.id, access_plan_id: plan.id, server_id: accessPoint.serverId,
    access_point_id: accessPoint.id, lead_id: null, technology: wireless ? 'wireless' : 'ftth',
    auth_type: wireless && r.chance(0.3) ? 'hotspot' : r.chance(0.05) ? 'ipoe' : 'pppoe', ip_type: ipType,
    ip_address_id: ipAddressId,
    ip_pool_id: ipType === 'mk_pool' ? pools.mkPool : ipType === 'dynamic' ? pools.dynamicPool : ipType === 'ipv6_pool' ? pools.ipv6Pool : null,
    billing_type: r.chance(0.01) ? 'courtesy' : 'billable',
    username: username ?? `${c.handle.slice(0, 40)}${id}`, password: r.chars(10, PASSWORD_ALPHABET),
    mac_address: `${r.pick(OUIS)}:${r.chars(2, HEX)}:${r.chars(2, HEX)}:${r.chars(2, HEX)}`,
    self_unblock_allowed: selfUnblockAllowed, ignore_blocking: ignoreBlocking,
    blocked: blockReason !== null, block_reason: blockReason,
    block_note: blockReason === 'non_payment' ? 'Bloqueio automático pela régua de cobrança.' : null,
    blocked_at: blockedAt, scheduled_block_at: null,
    reduced: reducedOn !== null, reduced_at: reducedOn ? instant(reducedOn, 6) : null, unblocked_until: unblockedUntil,
    use_customer_address: elsewhere === null, street_id: elsewhere?.id ?? null,
    address_number: elsewhere ? String(r.int(1, 2999)) : null, address_complement: null, cep: elsewhere?.cep ?? null,
    condominium_id: null, latitude: spot.latitude, longitude: spot.longitude, disabled_at: disabledAt,
    created_at: created, updated_at: disabledAt ?? blockedAt ?? created,
  });
  if (!disabledAt && k.activatedOn) {
    const started = blockedAt
      ? new Date(blockedAt.getTime() - r.int(1, 10) * 86_400_000)
      : new Date(ctx.now.getTime() - r.int(10, 10_000) * 60_000);
    const hours = (ctx.now.getTime() - started.getTime()) / 3_600_000;
    batch.add('connection_sessions', {
      id: ids.next('connection_sessions'), connection_id: id, server_id: accessPoint.serverId,
      username: username ?? `${c.handle.slice(0, 40)}${id}`, framed_ip: framedIp, started_at: started,
      stopped_at: blockedAt, input_bytes: Math.round(hours * r.int(50, 900) * 1_000_000),
      output_bytes: Math.round(hours * r.int(5, 120) * 1_000_000), stop_cause: blockedAt ? 'Admin-Reset' : null,
    });
  }
  return {
    id, companyId: c.company.id, customerId: c.id, contractId: k.id, accessPointId: accessPoint.id, street: elsewhere ?? c.street,
    latitude: spot.latitude, longitude: spot.longitude, ftth: !wireless, live: disabledAt === null,
  };
}
