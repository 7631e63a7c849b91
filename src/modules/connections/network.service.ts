import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import {
  findAccessPoint,
  findCompanyByShortName,
  findServer,
  listAccessPoints,
  listFreeIps,
  listServerPlans,
  listServers,
} from './network.repository.ts';

/** `dataConnection` (multi-company name) → company id; absent = every company. */
export async function companyFilter(deps: AppDeps, dataConnection: string | undefined): Promise<number | undefined> {
  if (dataConnection === undefined) return undefined;
  const company = await findCompanyByShortName(deps.db, dataConnection.trim());
  if (!company) throw new MkError('invalidParam', 'Parâmetro inválido: dataConnection (empresa não encontrada).');
  return company.id;
}

export async function servers(deps: AppDeps, dataConnection: string | undefined) {
  return listServers(deps.db, await companyFilter(deps, dataConnection));
}

export async function accessPoints(deps: AppDeps, dataConnection: string | undefined) {
  return listAccessPoints(deps.db, await companyFilter(deps, dataConnection));
}

export async function requireServer(deps: AppDeps, serverId: number) {
  const server = await findServer(deps.db, serverId);
  if (!server?.active) throw new MkError('notFound');
  return server;
}

export async function plansOfServer(deps: AppDeps, serverId: number) {
  await requireServer(deps, serverId);
  return listServerPlans(deps.db, serverId);
}

/** WSMKConexaoListaIP: the access point must hang off the server (or off none). */
export async function freeIps(deps: AppDeps, serverId: number, accessPointId: number) {
  await requireServer(deps, serverId);
  const ap = await findAccessPoint(deps.db, accessPointId);
  if (!ap?.active) throw new MkError('notFound');
  if (ap.server_id !== null && ap.server_id !== serverId) {
    throw new MkError('invalidParam', 'Parâmetro inválido: CodigoPontoAcesso (não pertence ao servidor informado).');
  }
  return listFreeIps(deps.db, serverId, accessPointId);
}
