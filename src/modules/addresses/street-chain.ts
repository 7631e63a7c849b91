import type { Tx } from '../../db/transaction.ts';
import { invalid, unknownCode } from './address-input.ts';
import { findCity, findNeighbourhood, findState, findStreet } from './addresses.repository.ts';

/** Codes a caller gave for one address, and the names of the parameters that carried them. */
export interface ChainInput {
  stateId?: number | undefined;
  cityId?: number | undefined;
  neighbourhoodId?: number | undefined;
  streetId: number;
}
export interface ChainNames {
  state: string;
  city: string;
  neighbourhood: string;
  street: string;
}

/**
 * The street, after checking every given code exists (005 naming it) and that each lies inside
 * the one above it: logradouro ⊂ bairro ⊂ cidade ⊂ estado.
 */
export async function resolveStreetChain(tx: Tx, given: ChainInput, names: ChainNames) {
  if (given.stateId !== undefined && !(await findState(tx, given.stateId))) throw unknownCode(names.state);
  if (given.cityId !== undefined && !(await findCity(tx, given.cityId))) throw unknownCode(names.city);
  if (given.neighbourhoodId !== undefined && !(await findNeighbourhood(tx, given.neighbourhoodId))) {
    throw unknownCode(names.neighbourhood);
  }
  const street = await findStreet(tx, given.streetId);
  if (!street) throw unknownCode(names.street);
  if (given.neighbourhoodId !== undefined && street.neighbourhood_id !== given.neighbourhoodId) {
    throw invalid(names.street, `o logradouro não pertence ao ${names.neighbourhood} informado`);
  }
  if (given.cityId !== undefined && street.city_id !== given.cityId) {
    throw invalid(given.neighbourhoodId !== undefined ? names.neighbourhood : names.street, `não pertence à ${names.city} informada`);
  }
  if (given.stateId !== undefined && street.state_id !== given.stateId) {
    throw invalid(given.cityId !== undefined ? names.city : names.street, `não pertence ao ${names.state} informado`);
  }
  return street;
}
