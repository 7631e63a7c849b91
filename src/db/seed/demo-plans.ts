// Extra plans-domain demo rows: the plan types the domain seed leaves out (IPTV, antivírus) and a
// few retired lookups, so the WSMKLista* answers show what they leave out (inactive = not listed).
import type { Db } from '../database.ts';

export async function seedDemoPlans(db: Db, now: Date): Promise<Record<string, number>> {
  const companies = await db.selectFrom('companies').select('id').orderBy('id').execute();
  let plans = 0;
  for (const { id } of companies) {
    const rows = [
      { name: 'IPTV 120 CANAIS', plan_type_id: 8, price_cents: 4990, active: true },
      { name: 'ANTIVÍRUS FAMÍLIA 5 DISPOSITIVOS', plan_type_id: 7, price_cents: 1490, active: true },
      { name: 'HOSPEDAGEM DE SITE BÁSICA', plan_type_id: 3, price_cents: 2490, active: false },
    ];
    await db
      .insertInto('access_plans')
      .values(rows.map((r) => ({ ...r, company_id: id, contract_months: 12, created_at: now, updated_at: now })))
      .execute();
    plans += rows.length;
  }
  await db.insertInto('due_date_rules').values({ name: 'Vencimento dia 30 (descontinuado)', due_day: 30, active: false }).execute();
  await db.insertInto('sla_tables').values({ name: 'Plantão 24h (descontinuado)', response_hours: 1, resolution_hours: 4, active: false }).execute();
  await db.insertInto('blocking_rules').values({ name: 'Régua sem redução (antiga)', block_after_days: 10, active: false }).execute();
  await db
    .insertInto('discounts')
    .values({ name: 'Black Friday 30% (encerrado)', purpose: 'promotional', percent_basis_points: 3000, active: false })
    .execute();
  const financial = await db
    .insertInto('chart_of_accounts')
    .values({ code: '1.02', name: 'Receitas financeiras', kind: 'revenue', accepts_entries: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('chart_of_accounts')
    .values([
      { code: '1.02.001', name: 'Juros e multas recebidos', kind: 'revenue', parent_id: financial.id },
      { code: '1.02.002', name: 'Receita de rádio (descontinuada)', kind: 'revenue', parent_id: financial.id, active: false },
    ])
    .execute();
  return { plans_demo_rows: plans + 7 };
}
