import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { todayInSaoPaulo } from '../../../lib/dates.ts';
import { centsToDecimal } from '../../../lib/money.ts';
import { simNao } from '../plans.schemas.ts';
import { CRM_PLAN_TYPE, type ContractsTarget, contractsByPlan } from '../plans.service.ts';

const flag = (description: string) =>
  Type.String({ pattern: '^[SsNn]$', description, 'x-hint': 'S ou N' });
const optDate = (description: string, aliases?: string[]) => Type.Optional(mkParam.date({ description, ...(aliases ? { aliases } : {}) }));

const CONTRACT_STATUS: Record<string, string> = {
  active: 'Ativo',
  suspended: 'Suspenso',
  cancelled: 'Cancelado',
  awaiting_activation: 'Aguardando ativação',
};

const contractItem = Type.Object({
  codcontrato: Type.Integer(),
  cd_cliente: Type.Integer(),
  nome_cliente: Type.String(),
  cd_empresa: Type.Integer(),
  status_contrato: Type.String(),
  adesao: Type.String({ description: 'YYYY-MM-DD' }),
  data_cancelamento: Type.Union([Type.String(), Type.Null()]),
  valor: Type.Number(),
});

function planData(t: ContractsTarget) {
  if (t.kind === 'plan') {
    const p = t.plan;
    return {
      CodigoPlano: p.id,
      Descricao: p.name,
      TipoPlano: p.plan_type_id,
      DescricaoTipoPlano: p.type_name,
      Valor: centsToDecimal(p.price_cents),
      CodigoEmpresa: p.company_id,
      Ativo: simNao(p.active),
    };
  }
  const p = t.product;
  return {
    CodigoPlano: p.id,
    Descricao: p.name,
    TipoPlano: CRM_PLAN_TYPE,
    DescricaoTipoPlano: 'CRM',
    Valor: centsToDecimal(p.price_cents),
    CodigoEmpresa: p.company_id,
    Ativo: simNao(p.active),
  };
}

export const wsmkPlanosAcesso = defineMkEndpoint({
  id: 'WSMKPlanosAcesso',
  service: ALL_SERVICES,
  summary: 'Contracts of an access plan (or CRM product): active ones, plus cancelled/suspended/awaiting when S; only the plan data when none',
  query: Type.Object({
    codigo_plano: mkParam.id({ description: 'código do plano de acesso ou, se nenhum plano o tiver, do produto do CRM' }),
    cancelado: flag('S inclui os contratos cancelados'),
    suspenso: flag('S inclui os contratos suspensos'),
    aguarda_ativacao: flag('S inclui os contratos aguardando ativação'),
    'data_adesao_inicial::date': optDate('adesão a partir de', ['data_adesao_inicial']),
    'data_adesao_final::date': optDate('adesão até', ['data_adesao_final']),
    data_cancelamento_inicial: optDate('cancelados a partir de (exige cancelado=S)'),
    data_cancelamento_final: optDate('cancelados até (exige cancelado=S)'),
  }),
  response: Type.Object({
    CodigoPlano: Type.Integer(),
    Descricao: Type.String(),
    TipoPlano: Type.Integer(),
    DescricaoTipoPlano: Type.String(),
    Valor: Type.Number(),
    CodigoEmpresa: Type.Integer(),
    Ativo: Type.String(),
    Contratos: Type.Optional(Type.Array(contractItem)),
  }),
  async handler({ params: p, deps }) {
    const { target, contracts } = await contractsByPlan(deps.db, {
      code: p.codigo_plano,
      includeCancelled: p.cancelado.toUpperCase() === 'S',
      includeSuspended: p.suspenso.toUpperCase() === 'S',
      includeAwaiting: p.aguarda_ativacao.toUpperCase() === 'S',
      signedFrom: p['data_adesao_inicial::date'],
      signedTo: p['data_adesao_final::date'],
      cancelledFrom: p.data_cancelamento_inicial,
      cancelledTo: p.data_cancelamento_final,
    });
    const data = planData(target);
    if (contracts.length === 0) return data;
    return {
      ...data,
      Contratos: contracts.map((k) => ({
        codcontrato: k.id,
        cd_cliente: k.customer_id,
        nome_cliente: k.customer_name,
        cd_empresa: k.company_id,
        status_contrato: CONTRACT_STATUS[k.status] ?? k.status,
        adesao: k.signed_on,
        data_cancelamento: k.cancelled_at ? todayInSaoPaulo(k.cancelled_at) : null,
        valor: centsToDecimal(k.monthly_amount_cents),
      })),
    };
  },
});
