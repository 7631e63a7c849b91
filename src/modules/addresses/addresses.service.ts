import type { Db } from '../../db/database.ts';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import { cleanText, invalid, normalizeCep, unknownCode } from './address-input.ts';
import * as repo from './addresses.repository.ts';

export async function addressStructure(db: Db) {
  const [states, cities, neighbourhoods, streets] = await Promise.all([
    repo.listStates(db),
    repo.listCities(db),
    repo.listNeighbourhoods(db),
    repo.listStreets(db),
  ]);
  return { states, cities, neighbourhoods, streets };
}

export const listStates = (db: Db) => repo.listStates(db);
export const listCondominiums = (db: Db) => repo.listActiveCondominiums(db);

export async function neighbourhoodsOfCity(db: Db, cityId: number) {
  const city = await repo.findCity(db, cityId);
  if (!city) throw new MkError('notFound');
  return { city, neighbourhoods: await repo.listNeighbourhoods(db, cityId) };
}

export async function citiesOfState(db: Db, uf: string) {
  const state = await repo.findStateByAbbreviation(db, uf.trim().toUpperCase());
  if (!state) throw new MkError('notFound');
  return repo.listCities(db, state.id);
}

async function assertIbgeFree(db: Db | Tx, ibge: number, exceptId?: number) {
  const owner = await repo.findCityByIbge(db, ibge);
  if (owner && owner.id !== exceptId) throw new MkError('duplicate', 'Registro já cadastrado: IBGE pertence a outra cidade.');
}

export async function createCity(deps: AppDeps, caller: Caller | null, input: { name: string; ibge: number; stateId: number }) {
  const name = cleanText(input.name, 'nome');
  return withTransaction(deps.db, async (tx) => {
    if (!(await repo.findState(tx, input.stateId))) throw unknownCode('estado');
    await repo.lockParent(tx, 'state-cities', input.stateId);
    if (await repo.findCityNamed(tx, input.stateId, name)) throw new MkError('duplicate', 'Registro já cadastrado: cidade com este nome no estado.');
    await assertIbgeFree(tx, input.ibge);
    const city = await repo.insertCity(tx, { state_id: input.stateId, name, ibge_code: input.ibge });
    await writeAudit(tx, { actor: callerActor(caller), action: 'create', entity: 'city', entityId: city.id, details: { name, ibge: input.ibge, stateId: input.stateId } });
    return city;
  });
}

export async function updateCity(deps: AppDeps, caller: Caller | null, input: { id: number; name?: string; ibge?: number }) {
  if (input.name === undefined && input.ibge === undefined) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: nome ou IBGE.');
  const name = input.name === undefined ? undefined : cleanText(input.name, 'nome');
  return withTransaction(deps.db, async (tx) => {
    const city = await repo.findCity(tx, input.id);
    if (!city) throw new MkError('notFound');
    await repo.lockParent(tx, 'state-cities', city.state_id);
    if (name !== undefined) {
      const other = await repo.findCityNamed(tx, city.state_id, name);
      if (other && other.id !== city.id) throw new MkError('duplicate', 'Registro já cadastrado: cidade com este nome no estado.');
    }
    if (input.ibge !== undefined) await assertIbgeFree(tx, input.ibge, city.id);
    const changes = { ...(name !== undefined ? { name } : {}), ...(input.ibge !== undefined ? { ibge_code: input.ibge } : {}) };
    const updated = await repo.updateCity(tx, city.id, changes);
    await writeAudit(tx, { actor: callerActor(caller), action: 'update', entity: 'city', entityId: city.id, details: { before: { name: city.name, ibge: city.ibge_code }, changes } });
    return updated;
  });
}

export async function createNeighbourhood(deps: AppDeps, caller: Caller | null, input: { name: string; cityId: number }) {
  const name = cleanText(input.name, 'nome');
  return withTransaction(deps.db, async (tx) => {
    if (!(await repo.findCity(tx, input.cityId))) throw unknownCode('cidadeId');
    await repo.lockParent(tx, 'city-neighbourhoods', input.cityId);
    if (await repo.findNeighbourhoodNamed(tx, input.cityId, name)) throw new MkError('duplicate', 'Registro já cadastrado: bairro com este nome na cidade.');
    const row = await repo.insertNeighbourhood(tx, { city_id: input.cityId, name });
    await writeAudit(tx, { actor: callerActor(caller), action: 'create', entity: 'neighbourhood', entityId: row.id, details: { name, cityId: input.cityId } });
    return row;
  });
}

export async function updateNeighbourhood(deps: AppDeps, caller: Caller | null, input: { id: number; name: string }) {
  const name = cleanText(input.name, 'nome');
  return withTransaction(deps.db, async (tx) => {
    const current = await repo.findNeighbourhood(tx, input.id);
    if (!current) throw new MkError('notFound');
    await repo.lockParent(tx, 'city-neighbourhoods', current.city_id);
    const other = await repo.findNeighbourhoodNamed(tx, current.city_id, name);
    if (other && other.id !== current.id) throw new MkError('duplicate', 'Registro já cadastrado: bairro com este nome na cidade.');
    const row = await repo.updateNeighbourhood(tx, current.id, name);
    await writeAudit(tx, { actor: callerActor(caller), action: 'update', entity: 'neighbourhood', entityId: row.id, details: { before: current.name, name } });
    return row;
  });
}

export async function createStreet(
  deps: AppDeps,
  caller: Caller | null,
  input: { name: string; cep: string; neighbourhoodId: number; cityId: number },
) {
  const name = cleanText(input.name, 'nome');
  const cep = normalizeCep(input.cep, 'cep');
  return withTransaction(deps.db, async (tx) => {
    if (!(await repo.findCity(tx, input.cityId))) throw unknownCode('cidadeId');
    const neighbourhood = await repo.findNeighbourhood(tx, input.neighbourhoodId);
    if (!neighbourhood) throw unknownCode('bairroId');
    if (neighbourhood.city_id !== input.cityId) throw invalid('bairroId', 'o bairro não pertence à cidade informada');
    await repo.lockParent(tx, 'neighbourhood-streets', neighbourhood.id);
    if (await repo.findStreetNamed(tx, neighbourhood.id, name)) throw new MkError('duplicate', 'Registro já cadastrado: logradouro com este nome no bairro.');
    const row = await repo.insertStreet(tx, { neighbourhood_id: neighbourhood.id, name, cep });
    await writeAudit(tx, { actor: callerActor(caller), action: 'create', entity: 'street', entityId: row.id, details: { name, cep, neighbourhoodId: neighbourhood.id } });
    return { ...row, city_id: neighbourhood.city_id };
  });
}

export async function updateStreet(deps: AppDeps, caller: Caller | null, input: { id: number; name?: string; cep?: string }) {
  if (input.name === undefined && input.cep === undefined) throw new MkError('missingParam', 'Parâmetro obrigatório não informado: nome ou cep.');
  const name = input.name === undefined ? undefined : cleanText(input.name, 'nome');
  const cep = input.cep === undefined ? undefined : normalizeCep(input.cep, 'cep');
  return withTransaction(deps.db, async (tx) => {
    const current = await repo.findStreet(tx, input.id);
    if (!current) throw new MkError('notFound');
    await repo.lockParent(tx, 'neighbourhood-streets', current.neighbourhood_id);
    if (name !== undefined) {
      const other = await repo.findStreetNamed(tx, current.neighbourhood_id, name);
      if (other && other.id !== current.id) throw new MkError('duplicate', 'Registro já cadastrado: logradouro com este nome no bairro.');
    }
    const changes = { ...(name !== undefined ? { name } : {}), ...(cep !== undefined ? { cep } : {}) };
    const row = await repo.updateStreet(tx, current.id, changes);
    await writeAudit(tx, { actor: callerActor(caller), action: 'update', entity: 'street', entityId: row.id, details: { before: { name: current.name, cep: current.cep }, changes } });
    return { ...row, city_id: current.city_id };
  });
}
