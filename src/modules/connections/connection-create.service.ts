import { callerActor, writeAudit } from '../../db/audit.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import {
  condominiumExists,
  findContractForConnection,
  findCustomerForConnection,
  findLead,
  findPlan,
  findPool,
  findStreet,
  insertConnection,
  ipTaken,
  productHasPlan,
  serverDeliversPlan,
  usernameTaken,
} from './connection-write.repository.ts';
import { findAccessPoint, findFreeIp, findServer } from './network.repository.ts';
import { companyFilter } from './network.service.ts';

export type IpType = 'static' | 'dynamic' | 'requisite' | 'mk_pool' | 'ipv6_pool';

export interface OwnAddress {
  stateId?: number;
  cityId?: number;
  neighbourhoodId?: number;
  streetId?: number;
  number?: string;
  complement?: string;
  cep?: string;
}

export interface NewConnection {
  customerId: number;
  contractId: number;
  serverId: number;
  accessPointId: number;
  planId: number;
  ipType: IpType;
  ipId?: number;
  mkPoolId?: number;
  dynamicPoolId?: number;
  technology: 'wireless' | 'ftth' | 'utp';
  authType: string;
  billingType: 'billable' | 'courtesy';
  selfUnblockAllowed: boolean;
  leadId?: number;
  mac: string;
  username: string;
  password: string;
  useCustomerAddress: boolean;
  address: OwnAddress;
  condominiumId?: number;
  dataConnection?: string;
}

const invalid = (name: string, why: string) => new MkError('invalidParam', `Parâmetro inválido: ${name} (${why}).`);
const missing = (name: string) => new MkError('missingParam', `Parâmetro obrigatório não informado: ${name}.`);

/** 00:00:00:00:00:00 (the catalog's mask); `-` separators and lower case are normalised. */
export function normalizeMac(text: string): string | null {
  const mac = text.trim().toUpperCase().replace(/-/g, ':');
  return /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/.test(mac) ? mac : null;
}

async function checkPlan(deps: AppDeps, c: NewConnection, leadProductId: number | null) {
  const plan = await findPlan(deps.db, c.planId);
  if (!plan?.active) throw invalid('CodigoPlanoAcesso', 'plano não encontrado ou inativo');
  // An internet plan, or the internet plan inside the CRM product of the contract's lead.
  const inLeadProduct = leadProductId !== null && (await productHasPlan(deps.db, leadProductId, plan.id));
  if (plan.plan_type_id !== 1 && !inLeadProduct) throw invalid('CodigoPlanoAcesso', 'não é plano de internet nem do produto da lead do contrato');
  if (!inLeadProduct && !(await serverDeliversPlan(deps.db, c.serverId, plan.id))) {
    throw invalid('CodigoPlanoAcesso', 'plano não disponível no servidor informado');
  }
}

async function checkIp(deps: AppDeps, c: NewConnection): Promise<{ ipAddressId: number | null; poolId: number | null }> {
  if (c.ipType === 'static') {
    if (c.ipId === undefined) throw missing('CodigoIP');
    const ip = await findFreeIp(deps.db, c.ipId, c.serverId, c.accessPointId);
    if (!ip) throw invalid('CodigoIP', 'IP não pertence ao servidor/ponto de acesso ou é reservado');
    if (await ipTaken(deps.db, c.ipId)) throw new MkError('duplicate', 'IP já atribuído a outra conexão.');
    return { ipAddressId: ip.id, poolId: ip.ip_pool_id };
  }
  if (c.ipId !== undefined) throw invalid('CodigoIP', 'somente com CodigoTipoIP=1');
  const wanted = c.ipType === 'mk_pool' ? { id: c.mkPoolId, name: 'PoolMKCentral' } : c.ipType === 'dynamic' ? { id: c.dynamicPoolId, name: 'PoolDinamico' } : null;
  if (!wanted || wanted.id === undefined) return { ipAddressId: null, poolId: null };
  const pool = await findPool(deps.db, wanted.id);
  if (!pool?.active || pool.kind !== c.ipType || (pool.server_id !== null && pool.server_id !== c.serverId)) {
    throw invalid(wanted.name, 'pool não encontrado, de outro tipo ou de outro servidor');
  }
  return { ipAddressId: null, poolId: pool.id };
}

async function checkAddress(deps: AppDeps, c: NewConnection) {
  if (c.useCustomerAddress) return { street_id: null, address_number: null, address_complement: null, cep: null };
  const a = c.address;
  if (a.streetId === undefined) throw missing('CodigoLogradouro');
  if (a.number === undefined) throw missing('EnderecoNumero');
  if (a.cep === undefined) throw missing('CEP');
  const street = await findStreet(deps.db, a.streetId);
  if (!street) throw invalid('CodigoLogradouro', 'logradouro não encontrado');
  if (a.neighbourhoodId !== undefined && a.neighbourhoodId !== street.neighbourhood_id) throw invalid('CodigoBairro', 'não é o bairro do logradouro');
  if (a.cityId !== undefined && a.cityId !== street.city_id) throw invalid('CodigoCidade', 'não é a cidade do logradouro');
  if (a.stateId !== undefined && a.stateId !== street.state_id) throw invalid('CodigoEstado', 'não é o estado do logradouro');
  return { street_id: street.street_id, address_number: a.number, address_complement: a.complement ?? null, cep: a.cep };
}

/** WSMKCriarConexao: every code checked against its lookup, then one insert + audit row. */
export async function createConnection(deps: AppDeps, caller: Caller | null, c: NewConnection): Promise<number> {
  const customer = await findCustomerForConnection(deps.db, c.customerId);
  if (!customer) throw invalid('CodigoCliente', 'cliente não encontrado');
  const company = await companyFilter(deps, c.dataConnection);
  if (company !== undefined && company !== customer.company_id) throw invalid('dataConnection', 'não é a empresa do cliente');
  const contract = await findContractForConnection(deps.db, c.contractId);
  if (!contract || contract.customer_id !== customer.id) throw invalid('CodigoContrato', 'contrato não encontrado para o cliente');
  if (contract.status === 'cancelled') throw new MkError('conflict', 'Contrato cancelado: não aceita novas conexões.');
  const server = await findServer(deps.db, c.serverId);
  if (!server?.active || server.company_id !== contract.company_id) throw invalid('CodigoServidor', 'servidor não encontrado');
  const ap = await findAccessPoint(deps.db, c.accessPointId);
  if (!ap?.active || (ap.server_id !== null && ap.server_id !== server.id)) throw invalid('CodigoPontoAcesso', 'ponto de acesso não encontrado no servidor');
  await checkPlan(deps, c, contract.lead_product_id);
  if (c.leadId !== undefined) {
    const lead = await findLead(deps.db, c.leadId);
    if (!lead || lead.customer_id !== customer.id) throw invalid('CodigoLead', 'lead não encontrada para o cliente');
  }
  if (c.condominiumId !== undefined && !(await condominiumExists(deps.db, c.condominiumId))) throw invalid('CodCondominio', 'condomínio não encontrado');
  const ip = await checkIp(deps, c);
  const address = await checkAddress(deps, c);
  if (await usernameTaken(deps.db, c.username)) throw new MkError('duplicate', 'Username já utilizado por outra conexão.');

  const now = deps.clock.now();
  try {
    return await withTransaction(deps.db, async (tx) => {
      const id = await insertConnection(tx, {
        customer_id: customer.id,
        contract_id: contract.id,
        access_plan_id: c.planId,
        server_id: server.id,
        access_point_id: ap.id,
        lead_id: c.leadId ?? contract.lead_id,
        technology: c.technology,
        auth_type: c.authType,
        ip_type: c.ipType,
        ip_address_id: ip.ipAddressId,
        ip_pool_id: ip.poolId,
        billing_type: c.billingType,
        username: c.username,
        password: c.password,
        mac_address: c.mac,
        self_unblock_allowed: c.selfUnblockAllowed,
        use_customer_address: c.useCustomerAddress,
        ...address,
        condominium_id: c.condominiumId ?? null,
        created_at: now,
      });
      await writeAudit(tx, {
        actor: callerActor(caller),
        action: 'connection.create',
        entity: 'connection',
        entityId: id,
        details: { contractId: contract.id, username: c.username, ipType: c.ipType, ipAddressId: ip.ipAddressId, planId: c.planId },
        at: now,
      });
      return id;
    });
  } catch (e) {
    throw raceLoser(e) ?? e;
  }
}

/** The loser of a race the checks above could not see: the unique index decides. */
export function raceLoser(e: unknown): MkError | null {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err.code !== '23505') return null;
  const where = `${err.constraint ?? ''} ${err.message ?? ''}`;
  if (where.includes('ip_address_id')) return new MkError('duplicate', 'IP já atribuído a outra conexão.');
  if (where.includes('username')) return new MkError('duplicate', 'Username já utilizado por outra conexão.');
  return null;
}
