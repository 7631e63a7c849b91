import { callerActor, writeAudit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import * as repo from './plans.repository.ts';

/** Plan types a plan (and WSMKListaPlanoAcesso) may have: MK's table without 5, 6, 12 (CRM) and 20. */
export const PLAN_TYPE_CODES = ['1', '2', '3', '4', '7', '8', '9', '10', '11'] as const;
export const INTERNET = 1;
export const CRM_PLAN_TYPE = 12;

/** Limits of POST /planos-acessos: speeds in kbit/s (1 Tbit/s cap), prices in centavos. */
export const MAX_SPEED_KBPS = 1_000_000_000;
export const MAX_PRICE_CENTS = 10_000_000;

const invalid = (param: string, why: string) => new MkError('invalidParam', `Parâmetro inválido: ${param} (${why}).`);
const DAY_MS = 86_400_000;
/** São Paulo has had no daylight saving time since 2019: a civil day starts at 03:00 UTC. */
export const startOfDaySaoPaulo = (isoDate: string) => new Date(`${isoDate}T00:00:00-03:00`);
export const endOfDaySaoPaulo = (isoDate: string) => new Date(startOfDaySaoPaulo(isoDate).getTime() + DAY_MS);

export async function planById(db: Db, id: number): Promise<repo.PlanRow> {
  const plan = await repo.findPlan(db, id);
  if (!plan) throw new MkError('notFound');
  return plan;
}

export async function plansOfCompany(db: Db, companyId: number): Promise<repo.PlanRow[]> {
  if (!(await repo.findCompany(db, companyId))) throw new MkError('notFound');
  return repo.plansOfCompany(db, companyId);
}

export interface ConsultaInput {
  changedOn?: string | undefined;
  id?: number | undefined;
  idFrom?: number | undefined;
  idTo?: number | undefined;
  activeOnly: boolean;
  name?: string | undefined;
}

function codeFilter(i: ConsultaInput, names: { from: string; name: string }): repo.CodeFilter {
  if (i.idFrom !== undefined && i.idTo !== undefined && i.idFrom > i.idTo) throw invalid(names.from, 'maior que o código final');
  const name = i.name?.trim();
  if (name !== undefined && name.length === 0) throw invalid(names.name, 'texto vazio');
  return {
    changedFrom: i.changedOn === undefined ? undefined : startOfDaySaoPaulo(i.changedOn),
    id: i.id,
    idFrom: i.idFrom,
    idTo: i.idTo,
    activeOnly: i.activeOnly,
    nameContains: name,
  };
}

export const consultPlans = (db: Db, i: ConsultaInput) =>
  repo.queryPlans(db, codeFilter(i, { from: 'codigo_plano_inicio', name: 'nome_plano' }));

export async function consultProducts(db: Db, i: ConsultaInput) {
  const products = await repo.queryProducts(db, codeFilter(i, { from: 'codigo_produto_inicio', name: 'nome_produto' }));
  const plans = await repo.plansOfProducts(db, products.map((p) => p.id));
  return products.map((product) => ({ product, plans: plans.get(product.id) ?? [] }));
}

export interface ContractsInput {
  code: number;
  includeCancelled: boolean;
  includeSuspended: boolean;
  includeAwaiting: boolean;
  signedFrom?: string | undefined;
  signedTo?: string | undefined;
  cancelledFrom?: string | undefined;
  cancelledTo?: string | undefined;
}

export type ContractsTarget = { kind: 'plan'; plan: repo.PlanRow } | { kind: 'product'; product: repo.ProductRow };

/**
 * WSMKPlanosAcesso: `codigo_plano` names an access plan, or — when no plan has that code — a CRM
 * product. Active contracts always; S flags add cancelled, suspended, awaiting-activation ones.
 * A cancellation period keeps only contracts cancelled in it (so it needs cancelado=S).
 */
export async function contractsByPlan(db: Db, i: ContractsInput) {
  const plan = await repo.findPlan(db, i.code);
  const product = plan ? undefined : await repo.findProduct(db, i.code);
  const target: ContractsTarget | undefined = plan ? { kind: 'plan', plan } : product ? { kind: 'product', product } : undefined;
  if (!target) throw new MkError('notFound');
  if (i.signedFrom !== undefined && i.signedTo !== undefined && i.signedFrom > i.signedTo) {
    throw invalid('data_adesao_inicial', 'posterior à data final');
  }
  const byCancellation = i.cancelledFrom !== undefined || i.cancelledTo !== undefined;
  if (byCancellation && !i.includeCancelled) {
    throw invalid(i.cancelledFrom !== undefined ? 'data_cancelamento_inicial' : 'data_cancelamento_final', 'exige cancelado=S');
  }
  if (i.cancelledFrom !== undefined && i.cancelledTo !== undefined && i.cancelledFrom > i.cancelledTo) {
    throw invalid('data_cancelamento_inicial', 'posterior à data final');
  }
  const statuses: repo.ContractStatus[] = byCancellation
    ? ['cancelled']
    : [
        'active',
        ...(i.includeCancelled ? (['cancelled'] as const) : []),
        ...(i.includeSuspended ? (['suspended'] as const) : []),
        ...(i.includeAwaiting ? (['awaiting_activation'] as const) : []),
      ];
  const contracts = await repo.contractsOf(db, {
    target: target.kind === 'plan' ? { planId: target.plan.id } : { productId: target.product.id },
    statuses,
    signedFrom: i.signedFrom,
    signedTo: i.signedTo,
    cancelledFrom: i.cancelledFrom === undefined ? undefined : startOfDaySaoPaulo(i.cancelledFrom),
    cancelledBefore: i.cancelledTo === undefined ? undefined : endOfDaySaoPaulo(i.cancelledTo),
  });
  return { target, contracts };
}

export interface NewPlan {
  name: string;
  contractMonths: number;
  inactive: boolean;
  planTypeId: number;
  companyId?: number | undefined;
  priceCents: number;
  downloadKbps?: number | undefined;
  uploadKbps?: number | undefined;
}

export interface NewPlanNames {
  download: string;
  upload: string;
  price: string;
  company: string;
}

function checkSpeeds(p: NewPlan, n: NewPlanNames): void {
  const given = [p.downloadKbps, p.uploadKbps].filter((v) => v !== undefined).length;
  if (p.planTypeId === INTERNET && given < 2) {
    const param = p.downloadKbps === undefined ? n.download : n.upload;
    throw new MkError('missingParam', `Parâmetro obrigatório não informado: ${param} (planos de Internet, em kbit/s).`);
  }
  if (given === 1) throw invalid(p.downloadKbps === undefined ? n.download : n.upload, `informe ${n.download} e ${n.upload} juntas`);
  for (const [value, param] of [[p.downloadKbps, n.download], [p.uploadKbps, n.upload]] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1 || value > MAX_SPEED_KBPS)) {
      throw invalid(param, `velocidade em kbit/s, inteiro de 1 a ${MAX_SPEED_KBPS}`);
    }
  }
}

/** Collapses inner spaces and trims, as the uniqueness key does; the name keeps its case. */
export const cleanPlanName = (name: string) => name.trim().replace(/\s+/g, ' ');

/** Creates an access plan and its audit row, or nothing: duplicate names (per company) → 009. */
export async function createPlan(deps: AppDeps, caller: Caller | null, p: NewPlan, n: NewPlanNames): Promise<number> {
  const name = cleanPlanName(p.name);
  checkSpeeds(p, n);
  if (!Number.isSafeInteger(p.priceCents) || p.priceCents < 0 || p.priceCents > MAX_PRICE_CENTS) {
    throw invalid(n.price, `valor em reais de 0,00 a ${MAX_PRICE_CENTS / 100}`);
  }
  return withTransaction(deps.db, async (tx) => {
    const companyId = p.companyId ?? (await repo.defaultCompanyId(tx));
    if (companyId === undefined) throw new MkError('conflict', 'Nenhuma empresa ativa cadastrada.');
    const company = await repo.findCompany(tx, companyId);
    if (!company?.active) throw invalid(n.company, 'empresa inexistente ou inativa');
    if (await repo.planNameTaken(tx, companyId, name)) {
      throw new MkError('duplicate', 'Registro já cadastrado: plano de acesso com esta descrição na empresa.');
    }
    const id = await repo.insertPlan(tx, {
      company_id: companyId,
      plan_type_id: p.planTypeId,
      name,
      download_kbps: p.downloadKbps ?? null,
      upload_kbps: p.uploadKbps ?? null,
      price_cents: p.priceCents,
      contract_months: p.contractMonths,
      active: !p.inactive,
      created_at: deps.clock.now(),
      updated_at: deps.clock.now(),
    });
    await writeAudit(tx, {
      actor: callerActor(caller),
      action: 'create',
      entity: 'access_plan',
      entityId: id,
      details: { companyId, name, planTypeId: p.planTypeId, priceCents: p.priceCents, downloadKbps: p.downloadKbps ?? null, uploadKbps: p.uploadKbps ?? null },
      at: deps.clock.now(),
    });
    return id;
  });
}
