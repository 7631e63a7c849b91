import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { contractAction } from '../contracts.schemas.ts';
import { activateContract } from '../status.service.ts';

export const wsmkAtivarContrato = defineMkEndpoint({
  id: 'WSMKAtivarContrato',
  service: ALL_SERVICES,
  summary: 'Activates a contract created awaiting activation (billing method 1 or 2 only)',
  query: Type.Object({
    contrato: mkParam.id({ description: 'código do contrato aguardando ativação' }),
    observacao: Type.Optional(mkParam.text(2000, { description: 'observação acrescentada ao contrato' })),
  }),
  response: contractAction,
  async handler({ params, caller, deps }) {
    const k = await activateContract(deps.db, caller, deps.clock.now(), params.contrato, params.observacao?.trim());
    return { CodigoContrato: k.id, Mensagem: 'Contrato ativado com sucesso.', Situacao: 'Ativo' };
  },
});
