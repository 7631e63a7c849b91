import { type TSchema, Type } from '@sinclair/typebox';
import { wireDate } from '../../http/wire-schemas.ts';

const nullableText = Type.Union([Type.String(), Type.Null()]);

export const pendingItemSchema = Type.Object({
  codfatura: Type.Integer(),
  contas: nullableText,
  contratos: nullableText,
  data_vencimento: wireDate('DD/MM/YYYY'),
  descricao: Type.String(),
  valor_total: Type.Number(),
});

export const fullItemSchema = Type.Composite([
  pendingItemSchema,
  Type.Object({
    barras: Type.String(),
    data_emissao: wireDate(),
    data_pagamento: Type.Union([wireDate(), Type.Null()]),
    data_vencimento_original: wireDate(),
    ld: Type.String({ description: 'linha digitável, formatted' }),
    liquidado: Type.String({ description: 'S/N' }),
    nosso_numero: Type.String(),
    situacao: Type.String({ description: 'Aberta, Vencida, Liquidada, Suspensa' }),
    valor_pago: Type.Union([Type.Number(), Type.Null()]),
  }),
]);

export const customerListResponse = (key: string, item: TSchema) =>
  Type.Object({
    CodigoPessoa: Type.Integer(),
    Nome: Type.String(),
    [key]: Type.Array(item),
    status: Type.Literal('OK'),
  });
