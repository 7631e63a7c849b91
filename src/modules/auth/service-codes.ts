import { ALL_SERVICES } from '../../http/endpoint.ts';

/** The cd_servico codes of the MK general authenticator (spec/catalog/services.json). */
export const SERVICE_CODES: Record<number, string> = {
  1: 'WSMKSegundaViaCobranca',
  4: 'WSMKUserSenhaSAC',
  6: 'WSMKConsultaDoc',
  7: 'WSMKFaturasPendentes',
  8: 'WSMKContratosPorCliente',
  9: 'WSMKConexoesPorCliente',
  10: 'WSMKListaClassificacoesAte',
  11: 'WSMKListaProcessos',
  16: 'WSMKListaEstruturaEnderecos',
  17: 'WSMKConsultaNome',
  20: 'WSMKConsultaBarras',
  21: 'WSMKLDViaSMS',
  [ALL_SERVICES]: '*',
};

export const isServiceCode = (code: number): boolean => code in SERVICE_CODES;
