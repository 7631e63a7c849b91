// Wire shapes of plans and CRM products (all INFERRED: docs/compat/plans.md) and their mappers.
import { Type } from '@sinclair/typebox';
import { formatDateBr, todayInSaoPaulo } from '../../lib/dates.ts';
import { centsToDecimal } from '../../lib/money.ts';
import type { PlanRow, ProductRow } from './plans.repository.ts';
import { wireDate } from '../../http/wire-schemas.ts';

const nullableInt = Type.Union([Type.Integer(), Type.Null()]);
export const simNao = (flag: boolean) => (flag ? 'Sim' : 'Não');
const dayBr = (instant: Date) => formatDateBr(todayInSaoPaulo(instant));

export const mkPlanItem = Type.Object({
  codplano: Type.Integer(),
  descricao: Type.String(),
  cd_empresa: Type.Integer(),
  tipo_plano: Type.Integer(),
  descricao_tipo_plano: Type.String(),
  valor: Type.Number({ description: 'monthly price in reais (dot decimal)' }),
  download_kbps: nullableInt,
  upload_kbps: nullableInt,
  download_reduzido_kbps: nullableInt,
  upload_reduzido_kbps: nullableInt,
  meses_contrato: Type.Integer(),
  ativo: Type.String({ description: 'Sim/Não' }),
  data_cadastro: wireDate('DD/MM/YYYY'),
  data_alteracao: wireDate('DD/MM/YYYY'),
});

export function toMkPlan(p: PlanRow) {
  return {
    codplano: p.id,
    descricao: p.name,
    cd_empresa: p.company_id,
    tipo_plano: p.plan_type_id,
    descricao_tipo_plano: p.type_name,
    valor: centsToDecimal(p.price_cents),
    download_kbps: p.download_kbps,
    upload_kbps: p.upload_kbps,
    download_reduzido_kbps: p.reduced_download_kbps,
    upload_reduzido_kbps: p.reduced_upload_kbps,
    meses_contrato: p.contract_months,
    ativo: simNao(p.active),
    data_cadastro: dayBr(p.created_at),
    data_alteracao: dayBr(p.updated_at),
  };
}

export const mkProductItem = Type.Object({
  codproduto: Type.Integer(),
  descricao: Type.String(),
  cd_empresa: Type.Integer(),
  valor: Type.Number(),
  ativo: Type.String(),
  data_cadastro: Type.String(),
  data_alteracao: Type.String(),
  planos: Type.Array(mkPlanItem),
});

export function toMkProduct(product: ProductRow, plans: PlanRow[]) {
  return {
    codproduto: product.id,
    descricao: product.name,
    cd_empresa: product.company_id,
    valor: centsToDecimal(product.price_cents),
    ativo: simNao(product.active),
    data_cadastro: dayBr(product.created_at),
    data_alteracao: dayBr(product.updated_at),
    planos: plans.map(toMkPlan),
  };
}

/** `/core-api/planos-acessos` object: the POST field names plus what a client needs to use the plan. */
export const corePlan = Type.Object({
  id: Type.Integer(),
  descricao: Type.String(),
  mesesContrato: Type.Integer(),
  inativo: Type.String({ description: 'S/N' }),
  planosAcessoTipoId: Type.Integer(),
  planosAcessoTipo: Type.String(),
  provedorEmpresaId: Type.Integer(),
  valor: Type.Number({ description: 'reais, dot decimal' }),
  velocidadeDownload: nullableInt,
  velocidadeUpload: nullableInt,
  velocidadeReduzidaDownload: nullableInt,
  velocidadeReduzidaUpload: nullableInt,
  dataCadastro: Type.String({ description: 'ISO instant' }),
  dataAlteracao: Type.String({ description: 'ISO instant' }),
});

export function toCorePlan(p: PlanRow) {
  return {
    id: p.id,
    descricao: p.name,
    mesesContrato: p.contract_months,
    inativo: p.active ? 'N' : 'S',
    planosAcessoTipoId: p.plan_type_id,
    planosAcessoTipo: p.type_name,
    provedorEmpresaId: p.company_id,
    valor: centsToDecimal(p.price_cents),
    velocidadeDownload: p.download_kbps,
    velocidadeUpload: p.upload_kbps,
    velocidadeReduzidaDownload: p.reduced_download_kbps,
    velocidadeReduzidaUpload: p.reduced_upload_kbps,
    dataCadastro: p.created_at.toISOString(),
    dataAlteracao: p.updated_at.toISOString(),
  };
}
