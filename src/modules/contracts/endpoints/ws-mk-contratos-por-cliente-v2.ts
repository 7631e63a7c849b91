import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import type { ContractStatus } from '../contracts.repository.ts';
import { parseStatusFilter, toContractV2 } from '../contracts.mappers.ts';
import { contractV2 } from '../contracts.schemas.ts';
import { contractsOfCustomer } from '../contracts.service.ts';

export const wsmkContratosPorClienteV2 = defineMkEndpoint({
  id: 'WSMKContratosPorClienteV2',
  service: ALL_SERVICES,
  summary: "The customer's contracts of every status (or one status) in Contratos",
  query: Type.Object({
    cd_cliente: mkParam.id({ description: 'código do cadastro do cliente' }),
    status: Type.Optional(mkParam.text(40, { description: 'Ativo, Suspenso, Cancelado ou Aguardando ativação (ou A, S, C, G)' })),
  }),
  response: Type.Object({ CodigoPessoa: Type.Integer(), Contratos: Type.Array(contractV2), Nome: Type.String() }),
  async handler({ params, deps }) {
    let statuses: ContractStatus[] | undefined;
    if (params.status !== undefined) {
      const status = parseStatusFilter(params.status);
      if (!status) throw new MkError('invalidParam', 'Parâmetro inválido: status (use Ativo, Suspenso, Cancelado ou Aguardando ativação).');
      statuses = [status];
    }
    const { customer, contracts } = await contractsOfCustomer(deps.db, params.cd_cliente, statuses);
    return { CodigoPessoa: customer.id, Contratos: contracts.map(toContractV2), Nome: customer.name };
  },
});
