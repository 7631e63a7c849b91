import type { Db } from '../../db/database.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { authenticateSac } from '../customers/sac.service.ts';
import { type ContractStatus, customersByDocument, findCustomerWithContracts, listContracts, pendingAcceptancesSignedOn } from './contracts.repository.ts';

/** WSMKContratosPorCliente / V2: the customer and its contracts (V1: active only). */
export async function contractsOfCustomer(db: Db, customerId: number, statuses?: ContractStatus[]) {
  const found = await findCustomerWithContracts(db, customerId, statuses);
  if (!found) throw new MkError('notFound');
  return found;
}

/**
 * WSMKconsultaContratoDoc: contracts of every registration of the document. With SAC
 * credentials the login must belong to one of those registrations (007 otherwise, the same
 * refusal as WSMKUserSenhaSAC), so a self-service portal can use the token of a shared profile.
 */
export async function contractsByDocument(db: Db, document: string, sac: { user?: string; password?: string }) {
  const people = await customersByDocument(db, document);
  if (sac.user !== undefined || sac.password !== undefined) {
    if (sac.user === undefined) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: user_sac.');
    if (sac.password === undefined) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: pass_sac.');
    const who = await authenticateSac(db, sac.user, sac.password);
    // A valid login of another document gets the same refusal as a wrong password.
    if (!people.some((p) => p.id === who.id)) throw new MkError('authFailed');
  }
  const main = people.find((p) => p.status === 'active') ?? people[0];
  if (!main) throw new MkError('notFound');
  return { main, contracts: await listContracts(db, people.map((p) => p.id)) };
}

/** WSMKAceiteContratualPendente: pending (contract, term) pairs of contracts signed on a day. */
export const pendingAcceptances = (db: Db, signedOn: string) => pendingAcceptancesSignedOn(db, signedOn);
