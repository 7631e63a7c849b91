import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { listCardConditions, listPaymentProfiles, paymentMethodExists } from '../lookups.repository.ts';
import { profileItem, toProfileItem } from '../lookups.schemas.ts';

export const wsmkListaProfilePagamento = defineMkEndpoint({
  id: 'WSMKListaProfilePagamento',
  service: ALL_SERVICES,
  summary: 'Active payment profiles (CodigoProfilePagamento), optionally of one payment method; card profiles list their conditions (FormaPgto)',
  query: Type.Object({
    CodigoFormaPagamento: Type.Optional(mkParam.id({ description: '1 boleto, 2 dinheiro, 3 cartão, 4 depósito, 101 PIX' })),
  }),
  response: Type.Object({ ProfilesPagamento: Type.Array(profileItem) }),
  async handler({ params, deps }) {
    const method = params.CodigoFormaPagamento;
    if (method !== undefined && !(await paymentMethodExists(deps.db, method))) {
      throw new MkError('invalidParam', 'Parâmetro inválido: CodigoFormaPagamento (forma de pagamento inexistente).');
    }
    const profiles = await listPaymentProfiles(deps.db, method);
    const conditions = await listCardConditions(deps.db, profiles.filter((p) => p.payment_method_id === 3).map((p) => p.id));
    return {
      ProfilesPagamento: profiles.map((p) => toProfileItem(p, conditions.filter((c) => c.payment_profile_id === p.id))),
    };
  },
});
