import { Type } from '@sinclair/typebox';
import { wireDateTime } from '../../http/wire-schemas.ts';

export const authResponse = Type.Object({
  Expire: wireDateTime('DD/MM/YYYY HH:MM:SS, America/Sao_Paulo'),
  LimiteUso: Type.Integer({ description: '0 = no limit; 1 = single use ("Invalidar")' }),
  ServicosAutorizados: Type.Array(Type.Integer()),
  Token: Type.String(),
  status: Type.Literal('OK'),
});
