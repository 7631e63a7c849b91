// Creating a customer: WSMKNovaPessoa and POST /core-api/pessoas share this path.
import type { Insertable } from 'kysely';
import { type Tx, withTransaction } from '../../db/transaction.ts';
import type { CustomersTable } from '../../db/types.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { todayInSaoPaulo } from '../../lib/dates.ts';
import { classifyDocument } from '../../lib/documents.ts';
import { hashPassword } from '../../lib/password.ts';
import { cleanText, invalid, normalizeCep, unknownCode } from '../addresses/address-input.ts';
import { findCondominium } from '../addresses/addresses.repository.ts';
import { type ChainInput, type ChainNames, resolveStreetChain } from '../addresses/street-chain.ts';
import { callerActor, writeAudit } from '../../db/audit.ts';
import * as w from './customers-write.repository.ts';
import { assertBirthDate, duplicateDocument, normalizeEmail, normalizePhone, personTypeFor } from './person-input.ts';

export interface AddressFields extends ChainInput {
  number: string;
  cep: string;
  complement?: string | undefined;
}

export interface NewPerson {
  document: string;
  typeCode?: string | undefined;
  name: string;
  email?: string | undefined;
  phone: string;
  whatsapp?: boolean | undefined;
  birthDate?: string | undefined;
  companyId?: number | undefined;
  classificationId?: number | undefined;
  resellerId?: number | undefined;
  attendanceGroupId?: number | undefined;
  motherName?: string | undefined;
  idCard?: string | undefined;
  website?: string | undefined;
  cfop?: string | undefined;
  consumerClass?: string | undefined;
  sacLogin?: string | undefined;
  sacPassword?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
  address: AddressFields;
  /** A condominium fills the billing street, number and CEP; otherwise explicit fields. */
  billing?: { condominiumId: number; complement?: string | undefined } | AddressFields | undefined;
}

/** Parameter names of the calling endpoint, so every refusal names what the client sent. */
export interface PersonParamNames {
  document: string;
  type: string;
  name: string;
  email: string;
  phone: string;
  birthDate: string;
  company: string;
  classification: string;
  reseller: string;
  attendanceGroup: string;
  sacLogin: string;
  sacPassword: string;
  latitude: string;
  address: ChainNames & { number: string; cep: string };
  billing: ChainNames & { number: string; cep: string; condominium: string };
}

async function checkLookups(tx: Tx, p: NewPerson, n: PersonParamNames): Promise<number> {
  const companyId = p.companyId ?? (await w.defaultCompanyId(tx));
  if (companyId === undefined) throw new MkError('conflict', 'Nenhuma empresa ativa cadastrada.');
  if (!(await w.activeCompanyExists(tx, companyId))) throw unknownCode(n.company);
  const lookups = [
    ['customer_classifications', p.classificationId, n.classification],
    ['resellers', p.resellerId, n.reseller],
    ['attendance_groups', p.attendanceGroupId, n.attendanceGroup],
  ] as const;
  for (const [table, id, param] of lookups) {
    if (id !== undefined && !(await w.activeLookupExists(tx, table, id))) throw unknownCode(param);
  }
  return companyId;
}

async function billingColumns(tx: Tx, p: NewPerson, n: PersonParamNames['billing']) {
  const b = p.billing;
  if (!b) return {};
  if ('condominiumId' in b) {
    const condo = await findCondominium(tx, b.condominiumId);
    if (!condo?.active) throw unknownCode(n.condominium);
    return {
      billing_street_id: condo.street_id,
      billing_address_number: condo.address_number,
      billing_cep: condo.cep,
      billing_condominium_id: condo.id,
      billing_address_complement: b.complement ?? null,
    };
  }
  const street = await resolveStreetChain(tx, b, n);
  return {
    billing_street_id: street.id,
    billing_address_number: cleanText(b.number, n.number),
    billing_cep: normalizeCep(b.cep, n.cep),
    billing_address_complement: b.complement === undefined ? null : cleanText(b.complement, 'complemento_cobranca'),
  };
}

/** Creates the registration, its primary phone and e-mail, and the audit row — or nothing. */
export async function registerPerson(deps: AppDeps, caller: Caller | null, p: NewPerson, n: PersonParamNames): Promise<number> {
  const doc = classifyDocument(p.document);
  if (!doc) throw invalid(n.document, 'CPF ou CNPJ válido');
  const personType = personTypeFor(doc, p.typeCode, n.type);
  const name = cleanText(p.name, n.name);
  const phone = normalizePhone(p.phone, n.phone);
  const email = p.email === undefined ? undefined : normalizeEmail(p.email, n.email);
  if (p.birthDate !== undefined) assertBirthDate(p.birthDate, todayInSaoPaulo(deps.clock.now()), n.birthDate);
  if ((p.latitude === undefined) !== (p.longitude === undefined)) throw invalid(n.latitude, 'informe latitude e longitude juntas');
  if (p.sacPassword !== undefined && p.sacLogin === undefined) throw invalid(n.sacPassword, `exige ${n.sacLogin}`);
  // scrypt is slow on purpose: hash before the transaction opens.
  const sacHash = p.sacPassword === undefined ? null : await hashPassword(p.sacPassword);
  const actor = callerActor(caller);

  return withTransaction(deps.db, async (tx) => {
    await w.lockDocument(tx, doc.value);
    if (await w.documentTaken(tx, doc.value)) throw duplicateDocument();
    if (p.sacLogin !== undefined && (await w.sacLoginTaken(tx, p.sacLogin))) {
      throw new MkError('duplicate', `Registro já cadastrado: ${n.sacLogin} em uso por outro cliente.`);
    }
    const companyId = await checkLookups(tx, p, n);
    const street = await resolveStreetChain(tx, p.address, n.address);
    const row: Insertable<CustomersTable> = {
      company_id: companyId,
      person_type: personType,
      name,
      document: doc.value,
      birth_date: p.birthDate ?? null,
      mother_name: p.motherName === undefined ? null : cleanText(p.motherName, 'nome_mae'),
      id_card_number: p.idCard ?? null,
      website: p.website ?? null,
      cfop: p.cfop ?? null,
      consumer_class: p.consumerClass ?? null,
      classification_id: p.classificationId ?? null,
      reseller_id: p.resellerId ?? null,
      attendance_group_id: p.attendanceGroupId ?? null,
      sac_login: p.sacLogin ?? null,
      sac_password_hash: sacHash,
      sac_password_changed_at: sacHash ? deps.clock.now() : null,
      street_id: street.id,
      address_number: cleanText(p.address.number, n.address.number),
      address_complement: p.address.complement === undefined ? null : cleanText(p.address.complement, 'complemento'),
      cep: normalizeCep(p.address.cep, n.address.cep),
      latitude: p.latitude ?? null,
      longitude: p.longitude ?? null,
      ...(await billingColumns(tx, p, n.billing)),
    };
    const id = await w.insertCustomer(tx, row);
    await w.setPrimaryPhone(tx, id, phone, p.whatsapp ?? false);
    if (email !== undefined) await w.setPrimaryEmail(tx, id, email);
    await writeAudit(tx, {
      actor,
      action: 'create',
      entity: 'customer',
      entityId: id,
      details: { document: doc.value, name, personType, companyId, sacLogin: p.sacLogin ?? null },
    });
    return id;
  });
}
