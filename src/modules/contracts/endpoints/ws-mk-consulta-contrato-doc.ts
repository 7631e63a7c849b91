import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { todayInSaoPaulo } from '../../../lib/dates.ts';
import { toContractByDoc } from '../contracts.mappers.ts';
import { contractByDoc } from '../contracts.schemas.ts';
import { contractsByDocument } from '../contracts.service.ts';

export const wsmkConsultaContratoDoc = defineMkEndpoint({
  id: 'WSMKconsultaContratoDoc',
  service: ALL_SERVICES,
  summary: 'Contracts of every registration of a CPF/CNPJ; optional SAC login/password must belong to that document',
  throttleFailures: true,
  query: Type.Object({
    doc: mkParam.document({ description: 'CPF ou CNPJ do cliente' }),
    user_sac: Type.Optional(mkParam.text(120, { description: 'usuário do SAC' })),
    pass_sac: Type.Optional(mkParam.text(200, { description: 'senha do SAC', sensitive: true })),
  }),
  response: Type.Object({ CodigoPessoa: Type.Integer(), Contratos: Type.Array(contractByDoc), Nome: Type.String() }),
  async handler({ params, deps }) {
    const { main, contracts } = await contractsByDocument(deps.db, params.doc, { user: params.user_sac, password: params.pass_sac });
    const today = todayInSaoPaulo(deps.clock.now());
    return { CodigoPessoa: main.id, Contratos: contracts.map((k) => toContractByDoc(k, today)), Nome: main.name };
  },
});
