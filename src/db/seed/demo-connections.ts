import { sql } from 'kysely';
import { barcodeToLinhaDigitavel, buildBarcode, buildFreeField } from '../../lib/boleto.ts';
import { addDays, todayInSaoPaulo } from '../../lib/dates.ts';
import { buildPixPayload } from '../../lib/pix.ts';
import type { Db } from '../database.ts';
import { type Tx, withTransaction } from '../transaction.ts';
import { DEMO_CUSTOMERS } from './domain/fixed-customers.ts';

/** The demo connections of customer 1 (README): the first fully filled, the second to self-unblock. */
export const DEMO_CONNECTIONS = { active: DEMO_CUSTOMERS.individual.username, blocked: 'maria.praia' } as const;

const DAY = 86_400_000;
const PRAIA_MAC = 'E0:24:7F:5A:29:02';
const PRAIA_IP = '100.64.77.25';

/**
 * After the domain seed: gives Maria's connection a static IP, a MAC and an open session (every
 * key of WSMKConexoesPorCliente filled), and adds a second contract ("casa de praia") whose
 * connection is blocked for non-payment over an overdue invoice, so WSMKAutoDesbloqueio can be
 * tried on the demo server. Deterministic for a given `now`; does nothing without customer 1.
 */
export async function seedDemoConnections(db: Db, now: Date): Promise<Record<string, number>> {
  return withTransaction(db, async (tx): Promise<Record<string, number>> => {
    const first = await tx.selectFrom('connections').selectAll().where('username', '=', DEMO_CONNECTIONS.active).executeTakeFirst();
    if (!first) return {};
    await fillFirst(tx, first.id, first.contract_id, first.server_id, now);
    const contractId = await secondContract(tx, first.contract_id, now);
    const invoiceId = await overdueInvoice(tx, first.contract_id, contractId, now);
    const { id: _id, created_at: _c, updated_at: _u, ...base } = first;
    const blockedAt = new Date(now.getTime() - 12 * DAY);
    const pool = await tx
      .selectFrom('ip_pools')
      .select('id')
      .where('server_id', '=', first.server_id)
      .where('kind', '=', 'mk_pool')
      .orderBy('id')
      .executeTakeFirst();
    const second = await tx
      .insertInto('connections')
      .values({
        ...base,
        contract_id: contractId,
        username: DEMO_CONNECTIONS.blocked,
        password: 'praia2026',
        auth_type: 'pppoe',
        ip_type: 'mk_pool',
        ip_address_id: null,
        ip_pool_id: pool?.id ?? null,
        mac_address: PRAIA_MAC,
        self_unblock_allowed: true,
        ignore_blocking: false,
        blocked: true,
        block_reason: 'non_payment',
        block_note: 'Bloqueio automático pela régua de cobrança.',
        blocked_at: blockedAt,
        scheduled_block_at: null,
        reduced: false,
        reduced_at: null,
        unblocked_until: null,
        disabled_at: null,
        created_at: new Date(now.getTime() - 200 * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('connection_sessions')
      .values({
        connection_id: second.id,
        server_id: first.server_id,
        username: DEMO_CONNECTIONS.blocked,
        framed_ip: PRAIA_IP,
        started_at: new Date(blockedAt.getTime() - 5 * DAY),
        stopped_at: blockedAt,
        input_bytes: 3_200_000_000,
        output_bytes: 41_000_000_000,
        stop_cause: 'Admin-Reset',
      })
      .execute();
    return { demo_connections: 1, demo_contracts: 1, demo_invoices: invoiceId ? 1 : 0 };
  });
}

/** A static address of the company's pool, PPPoE, a MAC and an open session with that IP. */
async function fillFirst(tx: Tx, id: number, contractId: number, serverId: number, now: Date) {
  const pool = await tx
    .selectFrom('ip_pools as p')
    .innerJoin('contracts as k', 'k.company_id', 'p.company_id')
    .select(['p.id', sql<string>`host(p.network)`.as('base')])
    .where('k.id', '=', contractId)
    .where('p.kind', '=', 'static')
    .where('p.active', '=', true)
    .orderBy('p.id')
    .executeTakeFirst();
  let ipAddressId: number | null = null;
  let address: string | null = null;
  if (pool) {
    const free = await sql<{ address: string }>`
      select host(${pool.base}::inet + g) as address from generate_series(200, 250) g
      where not exists (select 1 from ip_addresses a where a.address = ${pool.base}::inet + g)
      order by g limit 1`.execute(tx);
    address = free.rows[0]?.address ?? null;
    if (address) {
      ipAddressId = (await tx.insertInto('ip_addresses').values({ ip_pool_id: pool.id, address }).returning('id').executeTakeFirstOrThrow()).id;
    }
  }
  await tx
    .updateTable('connections')
    .set({
      auth_type: 'pppoe',
      mac_address: sql<string>`coalesce(mac_address, 'E0:24:7F:5A:29:01')`,
      ...(ipAddressId ? { ip_type: 'static', ip_address_id: ipAddressId, ip_pool_id: pool?.id ?? null } : {}),
    })
    .where('id', '=', id)
    .execute();
  if (!address) return;
  const open = await tx
    .updateTable('connection_sessions')
    .set({ framed_ip: address })
    .where('connection_id', '=', id)
    .where('stopped_at', 'is', null)
    .returning('id')
    .execute();
  if (open.length === 0) {
    await tx
      .insertInto('connection_sessions')
      .values({ connection_id: id, server_id: serverId, username: DEMO_CONNECTIONS.active, framed_ip: address, started_at: new Date(now.getTime() - 7_200_000) })
      .execute();
  }
}

/** A copy of Maria's contract on the strict blocking rule, signed 200 days ago. */
async function secondContract(tx: Tx, contractId: number, now: Date): Promise<number> {
  const k = await tx.selectFrom('contracts').selectAll().where('id', '=', contractId).executeTakeFirstOrThrow();
  const strict = await tx.selectFrom('blocking_rules').select('id').where('name', '=', 'Régua rígida').executeTakeFirst();
  const { id: _id, created_at: _c, updated_at: _u, ...base } = k;
  const signedOn = addDays(todayInSaoPaulo(now), -200);
  const row = await tx
    .insertInto('contracts')
    .values({
      ...base,
      status: 'active',
      signed_on: signedOn,
      ends_on: null,
      activated_at: new Date(now.getTime() - 199 * DAY),
      blocking_rule_id: strict?.id ?? k.blocking_rule_id,
      notes: 'Casa de praia (demo: conexão bloqueada por falta de pagamento)',
      welcome_email_to: null,
      welcome_email_sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An open invoice of the second contract, due 20 days ago, with a real boleto (and PIX when on). */
async function overdueInvoice(tx: Tx, firstContractId: number, contractId: number, now: Date): Promise<number | null> {
  const model = await tx
    .selectFrom('invoices as i')
    .innerJoin('bank_accounts as b', 'b.id', 'i.bank_account_id')
    .innerJoin('companies as co', 'co.id', 'i.company_id')
    .select([
      'i.company_id', 'i.customer_id', 'i.bank_account_id', 'i.payment_profile_id', 'i.chart_account_id', 'i.amount_cents',
      'b.bank_code', 'b.agency', 'b.account_number', 'b.wallet', 'co.pix_key', 'co.pix_merchant_name', 'co.pix_merchant_city',
    ])
    .where('i.contract_id', '=', firstContractId)
    .orderBy('i.due_date', 'desc')
    .executeTakeFirst();
  if (!model) return null;
  const due = addDays(todayInSaoPaulo(now), -20);
  const amount = Number(model.amount_cents);
  const inv = await tx
    .insertInto('invoices')
    .values({
      company_id: model.company_id,
      customer_id: model.customer_id,
      contract_id: contractId,
      bank_account_id: model.bank_account_id,
      payment_profile_id: model.payment_profile_id,
      chart_account_id: model.chart_account_id,
      description: 'Mensalidade internet (casa de praia)',
      amount_cents: amount,
      issue_date: addDays(due, -10),
      due_date: due,
      original_due_date: due,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ourNumber = String(inv.id);
  const barcode = buildBarcode({
    bankCode: model.bank_code ?? '237',
    dueDate: due,
    amountCents: amount,
    freeField: buildFreeField({ agency: model.agency ?? '0001', account: model.account_number ?? '1', wallet: model.wallet ?? '9', nossoNumero: ourNumber }),
  });
  const pix =
    model.pix_key && model.pix_merchant_name && model.pix_merchant_city
      ? buildPixPayload({ key: model.pix_key, merchantName: model.pix_merchant_name, merchantCity: model.pix_merchant_city, amountCents: amount, txid: `FAT${inv.id}` })
      : null;
  await tx
    .updateTable('invoices')
    .set({ our_number: ourNumber, barcode, digitable_line: barcodeToLinhaDigitavel(barcode), pix_payload: pix, pix_txid: pix ? `FAT${inv.id}` : null })
    .where('id', '=', inv.id)
    .execute();
  await tx
    .insertInto('invoice_items')
    .values({ invoice_id: inv.id, contract_id: contractId, kind: 'monthly_fee', description: 'Mensalidade internet', amount_cents: amount, reference_month: `${due.slice(0, 7)}-01` })
    .execute();
  return inv.id;
}
