import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { todayInSaoPaulo } from '../../../lib/dates.ts';
import { toActiveContract } from '../contracts.mappers.ts';
import { activeContract } from '../contracts.schemas.ts';
import { contractsOfCustomer } from '../contracts.service.ts';

export const wsmkContratosPorCliente = defineMkEndpoint({
  id: 'WSMKContratosPorCliente',
  service: 8,
  summary: "The customer's active contracts; codcontrato is the contrato of WSMKConexoesPorCliente",
  query: Type.Object({ cd_cliente: mkParam.id({ description: 'código do cliente (WSMKConsultaDoc / WSMKUserSenhaSAC)' }) }),
  response: Type.Object({ CodigoPessoa: Type.Integer(), ContratosAtivos: Type.Array(activeContract), Nome: Type.String() }),
  async handler({ params, deps }) {
    const { customer, contracts } = await contractsOfCustomer(deps.db, params.cd_cliente, ['active']);
    const today = todayInSaoPaulo(deps.clock.now());
    return { CodigoPessoa: customer.id, ContratosAtivos: contracts.map((k) => toActiveContract(k, today)), Nome: customer.name };
  },
});
