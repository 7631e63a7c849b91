import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { findSettlementRules, rulesView, saveSettlementRules } from '../payments/settlement-rules.ts';
import { actorOf, requireAdmin } from './admin-auth.ts';
import { idParams } from './profiles.schemas.ts';

const rulesBody = Type.Object(
  {
    maxDiscountPercent: Type.Number({ minimum: 0, maximum: 100, description: 'largest valor_desconto as % of the invoices (default 0)' }),
    allowZeroValue: Type.Boolean({ description: 'allow settling invoices for R$ 0,00 (default false)' }),
  },
  { additionalProperties: false },
);

type Id = { Params: Static<typeof idParams> };

/** A profile's settlement limits (WSMKLiquidacaoFaturas/V2); runs behind adminGuard. */
export async function registerSettlementRuleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<Id>('/admin/api/profiles/:id/settlement', { schema: { params: idParams } }, async (request) => {
    const exists = await deps.db.selectFrom('ws_profiles').select('id').where('id', '=', request.params.id).executeTakeFirst();
    if (!exists) throw new MkError('notFound', 'Perfil não encontrado.');
    return rulesView(await findSettlementRules(deps.db, request.params.id));
  });
  app.put<Id & { Body: Static<typeof rulesBody> }>(
    '/admin/api/profiles/:id/settlement',
    { schema: { params: idParams, body: rulesBody } },
    async (request) => rulesView(await saveSettlementRules(deps, actorOf(requireAdmin(request)), request.params.id, request.body)),
  );
}
