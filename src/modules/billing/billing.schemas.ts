import { type TSchema, Type } from '@sinclair/typebox';

const nullableText = Type.Union([Type.String(), Type.Null()]);

export const pendingItemSchema = Type.Object({
  codfatura: Type.Integer(),
  contas: nullableText,
  contratos: nullableText,
  data_vencimento: Type.String({ description: 'DD/MM/YYYY' }),
  descricao: Type.String(),
  valor_total: Type.Number(),
});

export const fullItemSchema = Type.Composite([
  pendingItemSchema,
  Type.Object({
    barras: Type.String(),
    data_emissao: Type.String(),
    data_pagamento: nullableText,
    data_vencimento_original: Type.String(),
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
