import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { isValidIpEntry } from '../../lib/ip-match.ts';
import { type ActivityPanel, countActivity, listActivity, specificOperatorsQuery } from './activity.repository.ts';

const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const paging = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};
const activityQuery = Type.Object({
  from: Type.Optional(isoDate),
  to: Type.Optional(isoDate),
  endpoint: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  profileId: Type.Optional(Type.Integer({ minimum: 1 })),
  operatorId: Type.Optional(Type.Integer({ minimum: 1 })),
  ip: Type.Optional(Type.String({ minLength: 2, maxLength: 64 })),
  status: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('error')])),
  errorCode: Type.Optional(Type.String({ pattern: '^\\d{3}$' })),
  ...paging,
});
const specificQuery = Type.Object({ profileId: Type.Optional(Type.Integer({ minimum: 1 })), ...paging });

const DAY = 86_400_000;
// Brazil has had no daylight saving time since 2019: São Paulo days start at 03:00 UTC.
const saoPauloMidnight = (isoDay: string): Date => new Date(`${isoDay}T00:00:00-03:00`);

/** The window of a panel: the filter's São Paulo days, never further back than the retention. */
function period(deps: AppDeps, q: { from?: string | undefined; to?: string | undefined }) {
  for (const d of [q.from, q.to]) if (d !== undefined && !isIsoDate(d)) throw new MkError('invalidParam', `Data inválida: ${d}.`);
  const now = deps.clock.now();
  const floor = new Date(now.getTime() - deps.config.activityRetentionDays * DAY);
  const from = q.from ? saoPauloMidnight(q.from) : floor;
  const to = q.to ? new Date(saoPauloMidnight(q.to).getTime() + DAY) : new Date(now.getTime() + 1);
  return { from: from < floor ? floor : from, to };
}

const PANELS: Record<string, ActivityPanel> = { activity: 'activity', errors: 'errors', validations: 'validations' };

/** The 90-day panels of the webservice manager (catalog/admin.md panels 2–5). */
export async function registerPanelRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  for (const [path, panel] of Object.entries(PANELS)) {
    app.get<{ Querystring: Static<typeof activityQuery> }>(
      `/admin/api/panels/${path}`,
      { schema: { querystring: activityQuery } },
      async (request) => {
        const q = request.query;
        if (q.ip && !isValidIpEntry(q.ip)) throw new MkError('invalidParam', 'IP inválido.');
        const filter = { panel, ...period(deps, q), endpoint: q.endpoint, profileId: q.profileId, operatorId: q.operatorId, ip: q.ip, status: q.status, errorCode: q.errorCode };
        const [total, rows] = await Promise.all([
          countActivity(deps.db, filter),
          listActivity(deps.db, filter, q.pageSize, (q.page - 1) * q.pageSize),
        ]);
        return {
          total,
          page: q.page,
          pageSize: q.pageSize,
          from: filter.from.toISOString(),
          to: filter.to.toISOString(),
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            surface: r.surface,
            endpoint: r.endpoint_id,
            method: r.method,
            ip: r.client_ip,
            profileId: r.profile_id,
            profileDescription: r.profile_description ?? null,
            operatorId: r.operator_id,
            operatorLogin: r.operator_login ?? null,
            httpStatus: r.http_status,
            errorCode: r.error_code,
            durationMs: r.duration_ms,
            isValidation: r.is_validation,
            query: r.query,
          })),
        };
      },
    );
  }

  app.get<{ Querystring: Static<typeof specificQuery> }>(
    '/admin/api/panels/specific-operators',
    { schema: { querystring: specificQuery } },
    async (request) => {
      const q = request.query;
      const query = specificOperatorsQuery(deps.db, { profileId: q.profileId });
      const [total, rows] = await Promise.all([query.count(), query.page(q.pageSize, (q.page - 1) * q.pageSize)]);
      return {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: rows.map((r) => ({
          operatorId: r.operator_id,
          login: r.login,
          name: r.name,
          operatorActive: r.operator_active,
          profileId: r.profile_id,
          profileDescription: r.description,
          profileActive: r.profile_active,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
        })),
      };
    },
  );
}
