import type { AppDeps } from '../../http/context.ts';
import { ALL_SERVICES } from '../../http/endpoint.ts';
import { isMkError, MkError } from '../../http/mk/mk-errors.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { ipAllowed } from '../../lib/ip-match.ts';
import { verifyPassword } from '../../lib/password.ts';
import { newSessionToken, sha256Hex } from '../../lib/tokens.ts';
import {
  findActiveOperatorByLogin,
  findGeneralLogin,
  findProfileAccess,
  findSpecificProfilesOfOperator,
  type GeneralLogin,
  insertSession,
  type ProfileAccess,
} from './auth.repository.ts';
import { loginCacheOf } from './auth-cache.ts';
import { type LoginRefusal, loginBlocked, recordLoginFailure } from './login-failures.ts';
import { contraSenhaHash, upgradeOlderContraSenha } from './contra-senha-lookup.ts';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  services: number[];
  singleUse: boolean;
  profileId: number;
  operatorId: number;
}

interface ProfileForLogin {
  id: number;
  active: boolean;
  expiry_minutes: number;
  single_use: boolean;
  limit_to_ip_list: boolean;
}

/** The services a new session gets: the one asked for, or all of the profile's for 9999. */
export function grantedServices(profileServices: number[], requested: number): number[] | null {
  if (requested === ALL_SERVICES) return profileServices.length > 0 ? profileServices : null;
  if (profileServices.includes(ALL_SERVICES) || profileServices.includes(requested)) return [requested];
  return null;
}

async function issue(
  deps: AppDeps,
  profile: ProfileForLogin,
  access: ProfileAccess,
  operatorId: number,
  requested: number,
  ip: string,
): Promise<IssuedSession> {
  const { db } = deps;
  // Until the caller has passed every credential check (profile active, operator in it, IP
  // allowed), each refusal is the same authFailed: a distinct text would confirm a guessed
  // contra-senha or password, and authFailed is what the failure throttle counts.
  if (!profile.active || !access.operator_in_profile) throw new MkError('authFailed');
  if (profile.limit_to_ip_list && !ipAllowed(ip, access.ips)) throw new MkError('authFailed');
  const services = grantedServices(access.services, requested);
  if (!services) throw new MkError('authNotAllowed', 'Serviço não autorizado neste perfil de webservice.');
  const now = deps.clock.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + profile.expiry_minutes * 60_000);
  await insertSession(db, {
    token_hash: sha256Hex(token),
    profile_id: profile.id,
    operator_id: operatorId,
    services,
    single_use: profile.single_use,
    created_at: now,
    expires_at: expiresAt,
    client_ip: ip,
  });
  return { token, expiresAt, services, singleUse: profile.single_use, profileId: profile.id, operatorId };
}

/** WSAutenticacao: operator's personal token + the profile's contra-senha + cd_servico. */
export async function authenticateGeneral(
  deps: AppDeps,
  input: { userToken: string; contraSenha: string; service: number; ip: string },
): Promise<IssuedSession> {
  const login = await lookUpGeneralLogin(deps, input.userToken, input.contraSenha);
  if (!login || login.operator_id === null) throw new MkError('authFailed');
  return issue(deps, login, login, login.operator_id, input.service, input.ip);
}

/** Only a login that passes the profile and membership checks is cached (auth-cache.ts). */
async function lookUpGeneralLogin(deps: AppDeps, userToken: string, contraSenha: string): Promise<GeneralLogin | undefined> {
  const tokenHash = sha256Hex(userToken);
  const secretHmac = contraSenhaHash(deps.config, contraSenha);
  const key = `${tokenHash}:${secretHmac}`;
  const cache = loginCacheOf(deps.db);
  const cached = cache?.get(key);
  if (cached) return cached;
  let login = await findGeneralLogin(deps.db, tokenHash, secretHmac);
  if (!login && (await upgradeOlderContraSenha(deps.db, deps.config, contraSenha))) {
    login = await findGeneralLogin(deps.db, tokenHash, secretHmac);
  }
  if (login && login.operator_id !== null && login.active && login.operator_in_profile) cache?.set(key, login);
  return login;
}

/** WSAutenticacaoOperador: login + password of an operator listed in a specific profile in force. */
export async function authenticateOperator(
  deps: AppDeps,
  input: { login: string; password: string; ip: string },
): Promise<IssuedSession> {
  if (await loginBlocked(deps.db, input.login, input.ip, deps.clock.now())) throw new MkError('tooManyRequests');
  const operator = await findActiveOperatorByLogin(deps.db, input.login);
  // Verify even for unknown logins, so response time does not reveal which logins exist.
  const passwordOk = await verifyPassword(input.password, operator?.password_hash ?? DUMMY_HASH);
  const refuse = async (reason: LoginRefusal) => {
    await recordLoginFailure(deps.db, { entryPoint: 'ws_operator_login', login: input.login, ip: input.ip, reason, at: deps.clock.now() });
    return new MkError('authFailed');
  };
  if (!operator || !passwordOk) throw await refuse(operator ? 'wrong_password' : 'unknown_login');
  const today = todayInSaoPaulo(deps.clock.now());
  const profiles = await findSpecificProfilesOfOperator(deps.db, operator.id);
  const inForce = profiles.find((p) => p.active && p.starts_on! <= today && today <= p.ends_on!);
  if (!inForce) throw await refuse('not_allowed');
  try {
    const access = await findProfileAccess(deps.db, inForce.id, operator.id);
    return await issue(deps, inForce, access, operator.id, ALL_SERVICES, input.ip);
  } catch (error) {
    if (isMkError(error) && error.kind === 'authFailed') throw await refuse('not_allowed');
    throw error;
  }
}

const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
