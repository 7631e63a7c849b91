import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { mkPlanItem, mkProductItem, toMkPlan, toMkProduct } from '../plans.schemas.ts';
import { consultPlans, consultProducts } from '../plans.service.ts';

const opt = Type.Optional;
const query = Type.Object({
  data_alteracao: opt(mkParam.date({ description: 'alterados a partir deste dia (obrigatório na consulta por plano)' })),
  codigo_plano: opt(mkParam.id()),
  codigo_plano_inicio: opt(mkParam.id()),
  codigo_plano_fim: opt(mkParam.id()),
  nome_plano: opt(mkParam.text(120)),
  codigo_produto: opt(mkParam.id()),
  codigo_produto_inicio: opt(mkParam.id()),
  codigo_produto_fim: opt(mkParam.id()),
  nome_produto: opt(mkParam.text(120)),
  ativo: opt(
    Type.String({
      pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[SsNn])$',
      description: 'True/False (planos) ou S/N (produtos): somente ativos',
      'x-hint': 'True/False na consulta por plano, S/N na consulta por produto',
    }),
  ),
});
type Params = typeof query.static;

const PLAN_PARAMS = ['codigo_plano', 'codigo_plano_inicio', 'codigo_plano_fim', 'nome_plano'] as const;
const PRODUCT_PARAMS = ['codigo_produto', 'codigo_produto_inicio', 'codigo_produto_fim', 'nome_produto'] as const;

/** The documented variants share one URL: any codigo_produto… or nome_produto (or ativo=S/N) selects the CRM one. */
function variantOf(p: Params): 'plan' | 'product' {
  const ativo = p.ativo?.toUpperCase();
  const planParam = PLAN_PARAMS.find((k) => p[k] !== undefined);
  const productParam = PRODUCT_PARAMS.find((k) => p[k] !== undefined);
  if (planParam && productParam) {
    throw new MkError('invalidParam', `Parâmetro inválido: ${productParam} (não combine a consulta por plano com a consulta por produto).`);
  }
  const yesNo = ativo === 'S' || ativo === 'N';
  if (planParam && yesNo) throw new MkError('invalidParam', 'Parâmetro inválido: ativo (True/False na consulta por plano).');
  if (productParam && ativo !== undefined && !yesNo) throw new MkError('invalidParam', 'Parâmetro inválido: ativo (S/N na consulta por produto).');
  const product = productParam !== undefined || yesNo;
  return product ? 'product' : 'plan';
}

export const wsmkConsultaPlanos = defineMkEndpoint({
  id: 'WSMKConsultaPlanos',
  alsoImplements: ['WSMKConsultaPlanos#produto'],
  service: ALL_SERVICES,
  summary: 'Access plans changed since data_alteracao (Planos), or CRM products with their plans (Produtos) when codigo_produto*/nome_produto/ativo=S|N is given',
  query,
  response: Type.Union([Type.Object({ Planos: Type.Array(mkPlanItem) }), Type.Object({ Produtos: Type.Array(mkProductItem) })]),
  async handler({ params: p, deps }) {
    const ativo = p.ativo?.toUpperCase();
    if (variantOf(p) === 'product') {
      const rows = await consultProducts(deps.db, {
        changedOn: p.data_alteracao,
        id: p.codigo_produto,
        idFrom: p.codigo_produto_inicio,
        idTo: p.codigo_produto_fim,
        activeOnly: ativo === 'S',
        name: p.nome_produto,
      });
      return { Produtos: rows.map((r) => toMkProduct(r.product, r.plans)) };
    }
    if (p.data_alteracao === undefined) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: data_alteracao.');
    const rows = await consultPlans(deps.db, {
      changedOn: p.data_alteracao,
      id: p.codigo_plano,
      idFrom: p.codigo_plano_inicio,
      idTo: p.codigo_plano_fim,
      activeOnly: ativo === 'TRUE',
      name: p.nome_plano,
    });
    return { Planos: rows.map(toMkPlan) };
  },
});
