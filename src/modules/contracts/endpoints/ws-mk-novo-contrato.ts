import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { STATUS_WORD } from '../contracts.mappers.ts';
import { contractAction, isSim, SIM_NAO } from '../contracts.schemas.ts';
import { type BILLING_METHODS, createContract } from '../new-contract.service.ts';

const sn = (description: string) => Type.Optional(mkParam.oneOf(SIM_NAO, { description }));
const code = (description: string) => mkParam.id({ description });

export const wsmkNovoContrato = defineMkEndpoint({
  id: 'WSMKNovoContrato',
  service: ALL_SERVICES,
  summary: 'Creates a contract after checking every code against its lookup; optional welcome e-mail and "awaiting activation"',
  query: Type.Object({
    CodigoCliente: code('código do cadastro do cliente'),
    CodigoTipoPlano: mkParam.integer(1, 99, { description: '1 Internet, 2 Telefonia, 3 Hospedagem, 4 Outros, 7 Antivírus, 8 IPTV, 9 On-Demand, 10 Transporte, 11 TV/OTT, 12 CRM, 20 Adicional MVNO' }),
    CodigoPlanoAcesso: code('código do plano de acesso (produto do CRM se CodigoTipoPlano=12)'),
    CodigoRegraVencimento: code('código da regra de vencimento'),
    CodigoSLA: Type.Optional(code('código da tabela de SLA (obrigatório se houver tabela de SLA ativa)')),
    IgnorarRenovacaoAutomatica: sn('S = não renovar automaticamente'),
    ValorSugeridoRenovacao: Type.Optional(mkParam.text(20, { description: 'valor sugerido para a renovação (R$)' })),
    CodigoRegraBloqueio: code('código da régua de bloqueio'),
    DescontoInatividade: Type.Optional(code('código do desconto por inatividade')),
    CodigoFormaPagamento: code('código da forma de pagamento'),
    CodigoProfilePagamento: code('código da profile de pagamento (da forma de pagamento informada)'),
    CodigoMetodoFaturamento: mkParam.integer(1, 3, { description: '1 uma fatura para cada conta, 2 agrupamento de contas e faturas, 3 manual' }),
    CodigoDescontoAplicado: Type.Optional(code('código da tabela de descontos')),
    CodigoPlanoContas: code('código do plano de contas (conta de receita analítica ativa)'),
    ConsultorCRM: Type.Optional(code('código do consultor (vendedor) do CRM')),
    EmailDst: Type.Optional(mkParam.text(254, { description: 'e-mail do boas-vindas (obrigatório se EnviarBV=S)' })),
    EnviarBV: sn('S = enviar e-mail de boas-vindas'),
    AguardaAtivacao: sn('S = criar aguardando ativação'),
  }),
  response: contractAction,
  async handler({ params: p, caller, deps }) {
    const k = await createContract(deps.db, caller, deps.clock.now(), {
      customerId: p.CodigoCliente,
      planTypeId: p.CodigoTipoPlano,
      planId: p.CodigoPlanoAcesso,
      dueDateRuleId: p.CodigoRegraVencimento,
      slaTableId: p.CodigoSLA,
      ignoreAutoRenew: isSim(p.IgnorarRenovacaoAutomatica),
      renewalAmount: p.ValorSugeridoRenovacao,
      blockingRuleId: p.CodigoRegraBloqueio,
      inactivityDiscountId: p.DescontoInatividade,
      paymentMethodId: p.CodigoFormaPagamento,
      paymentProfileId: p.CodigoProfilePagamento,
      billingMethod: p.CodigoMetodoFaturamento as keyof typeof BILLING_METHODS,
      discountId: p.CodigoDescontoAplicado,
      chartAccountId: p.CodigoPlanoContas,
      salesConsultantId: p.ConsultorCRM,
      welcomeEmail: isSim(p.EnviarBV),
      welcomeEmailTo: p.EmailDst?.trim(),
      awaitActivation: isSim(p.AguardaAtivacao),
    });
    return { CodigoContrato: k.id, Mensagem: 'Contrato criado com sucesso.', Situacao: STATUS_WORD[k.status] ?? k.status };
  },
});
