import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { createConnection, type IpType, normalizeMac } from '../connection-create.service.ts';

const IP_TYPES: Record<string, IpType> = { '1': 'static', '2': 'dynamic', '3': 'requisite', '4': 'mk_pool', '5': 'ipv6_pool' };
const TECHNOLOGIES = { W: 'wireless', F: 'ftth', U: 'utp' } as const;
const AUTH_TYPES = ['none', 'hotspot', 'pppoe', 'ip_binding', 'ipoe', 'mpls', 'bgp', 'swaps'];
const bool = mkParam.oneOf(['true', 'false']);

export const wsmkCriarConexao = defineMkEndpoint({
  id: 'WSMKCriarConexao',
  service: ALL_SERVICES,
  summary: 'Creates a connection of a contract (codes from the Conexao* lookups); CodigoIP only and required for CodigoTipoIP=1',
  query: Type.Object({
    CodigoCliente: mkParam.id(),
    CodigoPontoAcesso: mkParam.id(),
    CodigoContrato: mkParam.id(),
    CodigoServidor: mkParam.id(),
    CodigoPlanoAcesso: mkParam.id(),
    CodigoTipoIP: mkParam.oneOf(['1', '2', '3', '4', '5'], { description: '1 Atribuição, 2 Dinâmico, 3 Requisito, 4 Pool MK, 5 IPV6 Pool' }),
    Tecnologia: mkParam.oneOf(['W', 'F', 'U'] as const),
    CodigoLead: Type.Optional(mkParam.id()),
    AutoDesbloqueio: bool,
    CodigoIP: Type.Optional(mkParam.id({ description: 'WSMKConexaoListaIP codigo; required for CodigoTipoIP=1' })),
    PoolMKCentral: Type.Optional(mkParam.id({ description: 'pool (Pool MK) for CodigoTipoIP=4' })),
    PoolDinamico: Type.Optional(mkParam.id({ description: 'dynamic pool for CodigoTipoIP=2' })),
    MacAddress: mkParam.text(17, { aliases: ['macAddress'], hint: 'use 00:00:00:00:00:00' }),
    EnderecoCadastro: bool,
    TipoConexao: mkParam.oneOf(['1', '2'], { description: '1 cobrança, 2 cortesia' }),
    dataConnection: Type.Optional(mkParam.text(40)),
    Password: mkParam.text(64, { sensitive: true }),
    Username: Type.String({ pattern: '^[A-Za-z0-9._@-]{1,64}$', 'x-hint': 'letras, dígitos e . _ @ -, até 64' }),
    CodigoCidade: Type.Optional(mkParam.id()),
    CodigoEstado: Type.Optional(mkParam.id()),
    CodigoBairro: Type.Optional(mkParam.id()),
    CodigoLogradouro: Type.Optional(mkParam.id()),
    EnderecoNumero: Type.Optional(mkParam.text(10)),
    Complemento: Type.Optional(mkParam.text(100)),
    CEP: Type.Optional(Type.String({ pattern: '^[0-9]{5}-?[0-9]{3}$', 'x-hint': '8 dígitos' })),
    CodCondominio: Type.Optional(mkParam.id()),
    TpAutenticacao: Type.Optional(mkParam.integer(1, 8, { description: 'default 3 (PPPoE client)' })),
  }),
  response: Type.Object({ CodigoConexao: Type.Integer(), Mensagem: Type.String(), status: Type.Literal('OK') }),
  async handler({ params: p, deps, caller }) {
    const mac = normalizeMac(p.MacAddress);
    if (!mac) throw new MkError('invalidParam', 'Parâmetro inválido: MacAddress (use 00:00:00:00:00:00).');
    const id = await createConnection(deps, caller, {
      customerId: p.CodigoCliente,
      contractId: p.CodigoContrato,
      serverId: p.CodigoServidor,
      accessPointId: p.CodigoPontoAcesso,
      planId: p.CodigoPlanoAcesso,
      ipType: IP_TYPES[p.CodigoTipoIP] as IpType,
      ipId: p.CodigoIP,
      mkPoolId: p.PoolMKCentral,
      dynamicPoolId: p.PoolDinamico,
      technology: TECHNOLOGIES[p.Tecnologia],
      authType: AUTH_TYPES[(p.TpAutenticacao ?? 3) - 1] as string,
      billingType: p.TipoConexao === '2' ? 'courtesy' : 'billable',
      selfUnblockAllowed: p.AutoDesbloqueio === 'true',
      leadId: p.CodigoLead,
      mac,
      username: p.Username,
      password: p.Password,
      useCustomerAddress: p.EnderecoCadastro === 'true',
      address: {
        stateId: p.CodigoEstado,
        cityId: p.CodigoCidade,
        neighbourhoodId: p.CodigoBairro,
        streetId: p.CodigoLogradouro,
        number: p.EnderecoNumero,
        complement: p.Complemento,
        cep: p.CEP?.replace('-', ''),
      },
      condominiumId: p.CodCondominio,
      dataConnection: p.dataConnection,
    });
    return { CodigoConexao: id, Mensagem: 'Conexão criada com sucesso.' };
  },
});
