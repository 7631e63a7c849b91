// The one-row CRM settings table: read by the lead and viability services, edited in the admin API.
import type { Db } from '../../db/database.ts';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import { writeAudit } from '../../db/audit.ts';

type Q = Db | Tx;

export interface CrmSettings {
  /** MK's SAC switch "Não permitir cadastro de cliente via app sac plus e CRM+". */
  forbidApiSignups: boolean;
  viabilityRadiusMeters: number;
  defaultReservationDays: number;
}

const COLUMNS = ['forbid_api_signups', 'viability_radius_meters', 'default_reservation_days'] as const;

const toSettings = (row: { forbid_api_signups: boolean; viability_radius_meters: number; default_reservation_days: number }): CrmSettings => ({
  forbidApiSignups: row.forbid_api_signups,
  viabilityRadiusMeters: row.viability_radius_meters,
  defaultReservationDays: row.default_reservation_days,
});

export async function readCrmSettings(db: Q): Promise<CrmSettings> {
  const row = await db.selectFrom('crm_settings').select(COLUMNS).where('id', '=', true).executeTakeFirstOrThrow();
  return toSettings(row);
}

/** Applies the given changes (absent = unchanged) with an audit row holding before and after. */
export async function updateCrmSettings(db: Db, actor: string, changes: Partial<CrmSettings>, now: Date): Promise<CrmSettings> {
  return withTransaction(db, async (tx) => {
    const before = toSettings(
      await tx.selectFrom('crm_settings').select(COLUMNS).where('id', '=', true).forUpdate().executeTakeFirstOrThrow(),
    );
    const row = await tx
      .updateTable('crm_settings')
      .set({
        ...(changes.forbidApiSignups !== undefined ? { forbid_api_signups: changes.forbidApiSignups } : {}),
        ...(changes.viabilityRadiusMeters !== undefined ? { viability_radius_meters: changes.viabilityRadiusMeters } : {}),
        ...(changes.defaultReservationDays !== undefined ? { default_reservation_days: changes.defaultReservationDays } : {}),
        updated_at: now,
        updated_by: actor,
      })
      .where('id', '=', true)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toSettings(row);
    await writeAudit(tx, { actor, action: 'update', entity: 'crm_settings', entityId: null, details: { before, after }, at: now });
    return after;
  });
}
