import type { AppDeps } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { withTransaction } from '../../db/transaction.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { isValidIpEntry } from '../../lib/ip-match.ts';
import { listProfileServices } from '../auth/auth.repository.ts';
import { contraSenhaCandidates, contraSenhaHash } from '../auth/contra-senha-lookup.ts';
import { isServiceCode, SERVICE_CODES } from '../auth/service-codes.ts';
import { type AdminPrincipal, actorOf } from './admin-auth.ts';
import { writeAudit } from '../../db/audit.ts';
import { contraSenhaProblem } from './contra-senha.ts';
import * as repo from './profiles.repository.ts';
import type { CreateProfileInput, IpsInput, ProfileDataInput } from './profiles.schemas.ts';

const invalid = (message: string) => new MkError('invalidParam', message);

/** Step 1 rules; returns the row data and, when a contra-senha was given, its keyed hash. */
async function checkData(deps: AppDeps, kind: string, input: ProfileDataInput, profileId: number | null) {
  let secretHmac: string | undefined;
  if (kind === 'general') {
    if (input.startsOn !== undefined || input.endsOn !== undefined) throw invalid('Perfil geral não tem datas de vigência.');
    if (input.contraSenha === undefined && profileId === null) throw invalid('Informe a contra-senha do perfil.');
    if (input.contraSenha !== undefined) {
      const problem = contraSenhaProblem(input.contraSenha);
      if (problem) throw invalid(`Contra-senha inválida: ${problem}.`);
      secretHmac = contraSenhaHash(deps.config, input.contraSenha);
      for (const hash of contraSenhaCandidates(deps.config, input.contraSenha)) {
        if (await repo.isSecretTaken(deps.db, hash, profileId)) throw new MkError('duplicate', 'Contra-senha já usada por outro perfil; escolha outra.');
      }
    }
  } else {
    if (input.contraSenha !== undefined) throw invalid('Perfil de autorização específica não tem contra-senha.');
    const { startsOn, endsOn } = input;
    if (!startsOn || !endsOn || !isIsoDate(startsOn) || !isIsoDate(endsOn)) throw invalid('Informe data inicial e final válidas.');
    if (endsOn < startsOn) throw invalid('A data final deve ser igual ou posterior à inicial.');
  }
  const data: repo.ProfileData = {
    description: input.description.trim(),
    active: input.active,
    expiry_minutes: input.expiryMinutes,
    single_use: input.singleUse,
    starts_on: kind === 'specific' ? input.startsOn! : null,
    ends_on: kind === 'specific' ? input.endsOn! : null,
  };
  if (!data.description) throw invalid('Informe a descrição do perfil.');
  return { data, secretHmac };
}

function checkIps(input: IpsInput): repo.IpEntry[] {
  const seen = new Set<string>();
  const ips = input.ips.map((ip) => ({ address: ip.address.trim(), note: ip.note.trim() }));
  for (const ip of ips) {
    if (!isValidIpEntry(ip.address)) throw invalid(`IP inválido: ${ip.address.slice(0, 64)} (use IPv4, IPv6 ou CIDR).`);
    if (seen.has(ip.address)) throw invalid(`IP repetido: ${ip.address}.`);
    seen.add(ip.address);
  }
  if (input.limitToIpList && ips.length === 0) throw invalid('Para limitar o consumo à lista, informe ao menos um IP.');
  return ips;
}

async function checkOperators(deps: AppDeps, ids: number[]): Promise<void> {
  if ((await repo.countExistingOperators(deps.db, ids)) !== ids.length) throw invalid('Operador inexistente na lista.');
}

function checkServices(services: number[]): number[] {
  const unknown = services.filter((s) => !isServiceCode(s));
  if (unknown.length > 0) {
    throw invalid(`Serviço inexistente: ${unknown.join(', ')} (válidos: ${Object.keys(SERVICE_CODES).join(', ')}).`);
  }
  return [...services].sort((a, b) => a - b);
}

async function mustExist(deps: AppDeps, id: number) {
  const profile = await repo.findProfile(deps.db, id);
  if (!profile) throw new MkError('notFound', 'Perfil não encontrado.');
  return profile;
}

export async function createProfile(deps: AppDeps, admin: AdminPrincipal, input: CreateProfileInput): Promise<number> {
  const { data, secretHmac } = await checkData(deps, input.kind, input, null);
  const ips = checkIps(input);
  await checkOperators(deps, input.operatorIds);
  const services = checkServices(input.services);
  return withTransaction(deps.db, async (tx) => {
    const id = await repo.insertProfile(tx, {
      ...data,
      kind: input.kind,
      secret_hmac: secretHmac ?? null,
      limit_to_ip_list: input.limitToIpList,
      created_by: admin.operatorId,
      created_at: deps.clock.now(),
    });
    await repo.replaceIps(tx, id, ips);
    await repo.replaceOperators(tx, id, input.operatorIds);
    await repo.replaceServices(tx, id, services);
    await writeAudit(tx, {
      actor: actorOf(admin),
      action: 'create',
      entity: 'ws_profile',
      entityId: id,
      details: { kind: input.kind, ...data, limitToIpList: input.limitToIpList, ips: ips.map((i) => i.address), operatorIds: input.operatorIds, services },
    });
    return id;
  });
}

export async function updateProfileData(deps: AppDeps, admin: AdminPrincipal, id: number, input: ProfileDataInput) {
  const profile = await mustExist(deps, id);
  const { data, secretHmac } = await checkData(deps, profile.kind, input, id);
  // Issued tokens carry the old contra-senha's grant, single-use flag and expiry: end them.
  const revoke = secretHmac !== undefined || data.single_use !== profile.single_use || data.expiry_minutes !== profile.expiry_minutes;
  await withTransaction(deps.db, async (tx) => {
    await repo.updateProfileData(tx, id, { ...data, ...(secretHmac ? { secret_hmac: secretHmac } : {}), updated_at: deps.clock.now() });
    const revoked = revoke ? await repo.revokeProfileSessions(tx, id) : 0;
    await writeAudit(tx, {
      actor: actorOf(admin),
      action: 'update',
      entity: 'ws_profile',
      entityId: id,
      details: { ...data, contraSenhaChanged: secretHmac !== undefined, revokedSessions: revoked },
    });
  });
}

export async function setProfileIps(deps: AppDeps, admin: AdminPrincipal, id: number, input: IpsInput) {
  await mustExist(deps, id);
  const ips = checkIps(input);
  await withTransaction(deps.db, async (tx) => {
    await repo.setIpLimit(tx, id, input.limitToIpList, deps.clock.now());
    await repo.replaceIps(tx, id, ips);
    await writeAudit(tx, { actor: actorOf(admin), action: 'set_ips', entity: 'ws_profile', entityId: id, details: { limitToIpList: input.limitToIpList, ips } });
  });
}

export async function setProfileOperators(deps: AppDeps, admin: AdminPrincipal, id: number, operatorIds: number[]) {
  await mustExist(deps, id);
  await checkOperators(deps, operatorIds);
  await withTransaction(deps.db, async (tx) => {
    await repo.replaceOperators(tx, id, operatorIds);
    await writeAudit(tx, { actor: actorOf(admin), action: 'set_operators', entity: 'ws_profile', entityId: id, details: { operatorIds } });
  });
}

export async function setProfileServices(deps: AppDeps, admin: AdminPrincipal, id: number, requested: number[]) {
  await mustExist(deps, id);
  const services = checkServices(requested);
  await withTransaction(deps.db, async (tx) => {
    await repo.replaceServices(tx, id, services);
    const revoked = await repo.revokeProfileSessions(tx, id);
    await writeAudit(tx, { actor: actorOf(admin), action: 'set_services', entity: 'ws_profile', entityId: id, details: { services, revokedSessions: revoked } });
  });
}

export async function removeProfile(deps: AppDeps, admin: AdminPrincipal, id: number) {
  const profile = await mustExist(deps, id);
  await withTransaction(deps.db, async (tx) => {
    await repo.deleteProfile(tx, id);
    await writeAudit(tx, { actor: actorOf(admin), action: 'delete', entity: 'ws_profile', entityId: id, details: { kind: profile.kind, description: profile.description } });
  });
}

export async function profileDetail(deps: AppDeps, id: number) {
  const profile = await mustExist(deps, id);
  const [ips, operators, services] = await Promise.all([
    repo.listProfileIpEntries(deps.db, id),
    repo.listProfileOperators(deps.db, id),
    listProfileServices(deps.db, id),
  ]);
  return { ...profileView(profile), ips, operators, services };
}

export async function profileList(deps: AppDeps, kind: string | undefined) {
  const rows = await repo.listProfiles(deps.db, kind);
  return rows.map((r) => ({ ...profileView(r), ipCount: r.ip_count, operatorLogins: r.operator_logins, services: r.services }));
}

type ProfileRow = NonNullable<Awaited<ReturnType<typeof repo.findProfile>>>;

function profileView(p: ProfileRow) {
  return {
    id: p.id,
    kind: p.kind,
    description: p.description,
    active: p.active,
    expiryMinutes: p.expiry_minutes,
    singleUse: p.single_use,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    limitToIpList: p.limit_to_ip_list,
    createdAt: p.created_at.toISOString(),
    createdBy: p.created_by_login ?? null,
    updatedAt: p.updated_at.toISOString(),
  };
}
