// PUT /core-api/pessoas: partial update with MK's address chain rules.
import type { Updateable } from 'kysely';
import { withTransaction } from '../../db/transaction.ts';
import type { CustomersTable } from '../../db/types.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { cleanText, invalid, normalizeCep, unknownCode } from '../addresses/address-input.ts';
import { type ChainNames, resolveStreetChain } from '../addresses/street-chain.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import * as w from './customers-write.repository.ts';
import { assertBirthDate, normalizeEmail, normalizePhone, PERSON_TYPES } from './person-input.ts';

export interface AddressChange {
  stateId?: number | undefined;
  cityId?: number | undefined;
  neighbourhoodId?: number | undefined;
  streetId?: number | undefined;
  number?: string | undefined;
  cep?: string | undefined;
}

export interface PersonChanges {
  id: number;
  typeCode?: string | undefined;
  email?: string | undefined;
  classificationId?: number | undefined;
  birthDate?: string | undefined;
  phone?: string | undefined;
  address: AddressChange;
  billing: AddressChange;
}

interface CurrentChain {
  stateId: number;
  cityId: number;
  neighbourhoodId: number;
  streetId: number;
}

const GENERAL: ChainNames = { state: 'estadoId', city: 'cidadeId', neighbourhood: 'bairroId', street: 'logradouroId' };
const BILLING: ChainNames = {
  state: 'estadoCobrancaId',
  city: 'cidadeCobrancaId',
  neighbourhood: 'bairroCobrancaId',
  street: 'logradouroCobrancaId',
};

const requiredBecause = (param: string, because: string) =>
  new MkError('missingParam', `Parâmetro obrigatório não informado: ${param} (${because} alterado).`);

/** Changing a level requires the one below: estado ⇒ cidade ⇒ bairro ⇒ logradouro. */
function checkChain(c: AddressChange, cur: CurrentChain, n: ChainNames): void {
  const changed = (given: number | undefined, current: number) => given !== undefined && given !== current;
  if (changed(c.stateId, cur.stateId) && c.cityId === undefined) throw requiredBecause(n.city, n.state);
  if (changed(c.cityId, cur.cityId) && c.neighbourhoodId === undefined) throw requiredBecause(n.neighbourhood, n.city);
  if (changed(c.neighbourhoodId, cur.neighbourhoodId) && c.streetId === undefined) {
    throw requiredBecause(n.street, n.neighbourhood);
  }
}

const touches = (c: AddressChange) => Object.values(c).some((v) => v !== undefined);

export async function updatePerson(deps: AppDeps, caller: Caller | null, p: PersonChanges): Promise<void> {
  const scalar = [p.typeCode, p.email, p.classificationId, p.birthDate, p.phone];
  if (scalar.every((v) => v === undefined) && !touches(p.address) && !touches(p.billing)) {
    throw new MkError('missingParam', 'Parâmetro obrigatório não informado: nenhum campo a alterar.');
  }
  const phone = p.phone === undefined ? undefined : normalizePhone(p.phone, 'fone');
  const email = p.email === undefined ? undefined : normalizeEmail(p.email, 'email');
  if (p.birthDate !== undefined) assertBirthDate(p.birthDate, todayInSaoPaulo(deps.clock.now()), 'nascimento');
  const actor = callerActor(caller);

  await withTransaction(deps.db, async (tx) => {
    const cur = await w.findCustomerForUpdate(tx, p.id);
    if (!cur) throw new MkError('notFound');
    const changes: Updateable<CustomersTable> = {};
    if (p.typeCode !== undefined) {
      const type = PERSON_TYPES[p.typeCode];
      if (!type) throw invalid('tipo', 'use 1, 2 ou 3');
      const kind = cur.document === null ? null : cur.document.length === 11 ? 'cpf' : 'cnpj';
      if ((type === 'individual' && kind !== 'cpf') || (type === 'company' && kind !== 'cnpj')) {
        throw invalid('tipo', 'incompatível com o documento do cadastro');
      }
      changes.person_type = type;
    }
    if (p.classificationId !== undefined) {
      if (!(await w.activeLookupExists(tx, 'customer_classifications', p.classificationId))) throw unknownCode('classificacao');
      changes.classification_id = p.classificationId;
    }
    if (p.birthDate !== undefined) changes.birth_date = p.birthDate;

    const general = { stateId: cur.state_id, cityId: cur.city_id, neighbourhoodId: cur.neighbourhood_id, streetId: cur.street_id };
    checkChain(p.address, general, GENERAL);
    if (p.address.streetId !== undefined || p.address.stateId !== undefined || p.address.cityId !== undefined || p.address.neighbourhoodId !== undefined) {
      const street = await resolveStreetChain(tx, { ...p.address, streetId: p.address.streetId ?? cur.street_id }, GENERAL);
      changes.street_id = street.id;
    }
    if (p.address.number !== undefined) changes.address_number = cleanText(p.address.number, 'numero');
    // MK: a new CEP changes only the CEP, never the rest of the address.
    if (p.address.cep !== undefined) changes.cep = normalizeCep(p.address.cep, 'cep');

    if (touches(p.billing)) {
      const hasOwn = cur.billing_street_id !== null;
      const billing = hasOwn
        ? { stateId: cur.billing_state_id!, cityId: cur.billing_city_id!, neighbourhoodId: cur.billing_neighbourhood_id!, streetId: cur.billing_street_id! }
        : general;
      checkChain(p.billing, billing, BILLING);
      const street = await resolveStreetChain(tx, { ...p.billing, streetId: p.billing.streetId ?? billing.streetId }, BILLING);
      changes.billing_street_id = street.id;
      changes.billing_address_number =
        p.billing.number !== undefined ? cleanText(p.billing.number, 'numeroCobranca') : hasOwn ? cur.billing_address_number : cur.address_number;
      changes.billing_cep = p.billing.cep !== undefined ? normalizeCep(p.billing.cep, 'cepCobranca') : hasOwn ? cur.billing_cep : cur.cep;
    }

    if (Object.keys(changes).length > 0) await w.updateCustomer(tx, cur.id, changes);
    if (phone !== undefined) await w.setPrimaryPhone(tx, cur.id, phone, false);
    if (email !== undefined) await w.setPrimaryEmail(tx, cur.id, email);
    await writeAudit(tx, {
      actor,
      action: 'update',
      entity: 'customer',
      entityId: cur.id,
      details: { ...changes, ...(phone !== undefined ? { phone } : {}), ...(email !== undefined ? { email } : {}) },
    });
  });
}
