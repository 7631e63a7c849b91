import { Type } from '@sinclair/typebox';
import { defineCoreEndpoint } from '../../../http/core/define-core-endpoint.ts';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { MkError } from '../../../http/mk/mk-errors.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { parseMoneyToCents } from '../../../lib/money.ts';
import { corePlan, toCorePlan } from '../plans.schemas.ts';
import { createPlan, MAX_SPEED_KBPS, PLAN_TYPE_CODES, planById } from '../plans.service.ts';

const speed = (description: string) => Type.Optional(Type.Integer({ description, 'x-hint': `kbit/s, inteiro de 1 a ${MAX_SPEED_KBPS}` }));

export const corePostPlanosAcessos = defineCoreEndpoint({
  id: 'core:POST /planos-acessos',
  method: 'POST',
  path: '/planos-acessos',
  service: ALL_SERVICES,
  summary: 'Creates an access plan (JSON body); answers it as the GET routes do; same name in the company → 009',
  query: Type.Object({
    descricao: mkParam.text(120, { description: 'nome do plano de acesso' }),
    mesesContrato: mkParam.integer(0, 120, { description: 'duração (fidelidade) em meses' }),
    inativo: mkParam.oneOf(['S', 'N'] as const),
    planosAcessoTipoId: mkParam.oneOf(PLAN_TYPE_CODES, { description: 'tipo do plano (12 CRM e 20 não)' }),
    valor: Type.Optional(mkParam.text(20, { description: 'mensalidade em reais (99.90 ou 99,90); padrão 0' })),
    velocidadeDownload: speed('download em kbit/s (obrigatório para Internet)'),
    velocidadeUpload: speed('upload em kbit/s (obrigatório para Internet)'),
    empresa: Type.Optional(mkParam.id({ description: 'código da multiempresa; padrão a primeira ativa', aliases: ['provedorEmpresaId'] })),
  }),
  response: corePlan,
  async handler({ params: p, deps, caller }) {
    const priceCents = p.valor === undefined ? 0 : parseMoneyToCents(p.valor);
    if (priceCents === null) throw new MkError('invalidParam', 'Parâmetro inválido: valor (valor em reais, ex. 99.90 ou 99,90).');
    const id = await createPlan(
      deps,
      caller,
      {
        name: p.descricao,
        contractMonths: p.mesesContrato,
        inactive: p.inativo === 'S',
        planTypeId: Number(p.planosAcessoTipoId),
        companyId: p.empresa,
        priceCents,
        downloadKbps: p.velocidadeDownload,
        uploadKbps: p.velocidadeUpload,
      },
      { download: 'velocidadeDownload', upload: 'velocidadeUpload', price: 'valor', company: 'empresa' },
    );
    return toCorePlan(await planById(deps.db, id));
  },
});
