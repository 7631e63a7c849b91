import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { createOrder } from '../service-orders.service.ts';

const opt = Type.Optional;
const CATEGORY = { '1': 'customer', '2': 'network', '3': 'internal' } as const;

export const wsmkCriarOrdemServico = defineMkEndpoint({
  id: 'WSMKCriarOrdemServico',
  service: ALL_SERVICES,
  errorStyle: 'actionMessage',
  summary:
    'Opens an OS; every code checked against its list endpoint ("CodigoTecnico não encontrado."); condominio fills the address, cidade requires bairro, logradouro and numero; the OS number is only in mensagem "OS N criada com sucesso."',
  query: Type.Object({
    CodigoCliente: mkParam.id({ description: 'código do cliente' }),
    CodigoConexao: mkParam.id({ description: 'código da conexão do cliente (WSMKConexoesPorCliente)' }),
    CodigoContrato: opt(mkParam.id({ description: 'código do contrato (padrão: o da conexão)' })),
    DescricaoProblema: mkParam.text(4000, { description: 'relato do cliente' }),
    CodigoTipoOS: mkParam.id({ description: 'WSMKOSListaTiposOS' }),
    CodigoTecnico: mkParam.id({ description: 'WSMKOSListaTecnicoResponsavel' }),
    CodigoGrupoServico: mkParam.id({ description: 'WSMKOSListaGruposServico' }),
    CodigoAtendimento: opt(mkParam.id({ description: 'atendimento do mesmo cliente' })),
    dataConnection: opt(mkParam.text(60, { description: 'nome da multiempresa' })),
    categoria: opt(mkParam.oneOf(['1', '2', '3'] as const, { description: '1 cliente (padrão), 2 rede, 3 interna' })),
    condominio: opt(mkParam.id({ description: 'preenche todo o endereço' })),
    cidade: opt(mkParam.id({ description: 'exige bairro, logradouro e numero' })),
    bairro: opt(mkParam.id()),
    logradouro: opt(mkParam.id()),
    numero: opt(mkParam.text(10)),
    complemento: opt(mkParam.text(120)),
    indicacoes: opt(mkParam.text(4000, { description: 'indicações (possível solução)' })),
  }),
  response: Type.Object({ mensagem: Type.String() }),
  async handler({ params: p, deps, caller }) {
    const id = await createOrder(deps, caller, {
      customerId: p.CodigoCliente,
      connectionId: p.CodigoConexao,
      contractId: p.CodigoContrato,
      typeId: p.CodigoTipoOS,
      groupId: p.CodigoGrupoServico,
      technicianId: p.CodigoTecnico,
      ticketId: p.CodigoAtendimento,
      problem: p.DescricaoProblema,
      indications: p.indicacoes,
      category: p.categoria === undefined ? undefined : CATEGORY[p.categoria],
      companyShortName: p.dataConnection,
      address: {
        condominiumId: p.condominio,
        cityId: p.cidade,
        neighbourhoodId: p.bairro,
        streetId: p.logradouro,
        number: p.numero,
        complement: p.complemento,
      },
    });
    return { mensagem: `OS ${id} criada com sucesso.` };
  },
});
