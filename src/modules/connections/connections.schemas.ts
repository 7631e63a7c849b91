import { Type } from '@sinclair/typebox';
import { wireDate } from '../../http/wire-schemas.ts';

export const mkConnectionSchema = Type.Object({
  bloqueada: Type.String({ description: 'Sim/Não' }),
  cadastro: wireDate('DD/MM/YYYY'),
  cep: Type.String(),
  codconexao: Type.Integer(),
  contrato: Type.Integer({ description: 'codcontrato of WSMKContratosPorCliente' }),
  endereco: Type.String(),
  esta_reduzida: Type.String({ description: 'Sim/Não' }),
  ip: Type.String(),
  latitude: Type.String(),
  longitude: Type.String(),
  mac_address: Type.String(),
  motivo_bloqueio: Type.Union([Type.String(), Type.Null()]),
  plano_acesso: Type.String(),
  tecnologia: Type.String(),
  username: Type.String(),
});

export const connectionsResponse = Type.Object({
  CodigoPessoa: Type.Integer(),
  Nome: Type.String(),
  Conexoes: Type.Array(mkConnectionSchema),
  status: Type.Literal('OK'),
});

export const sessionSchema = Type.Object({
  down: Type.String(),
  dt_hr_parada: Type.Union([Type.String(), Type.Null()]),
  dt_hr_retorno: Type.Null(),
  framedip: Type.String(),
  nas: Type.String(),
  tempo: Type.String(),
  up: Type.String(),
  username: Type.String(),
});

export const okOnly = Type.Object({ status: Type.Literal('OK') });
