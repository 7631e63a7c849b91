// Opening CRM leads: WSMKNovaLead (existing customer) and WSMKInserirLead (new registration + lead).
import { callerActor, writeAudit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { AppDeps, Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { classifyDocument } from '../../lib/documents.ts';
import { cleanText, invalid } from '../addresses/address-input.ts';
import * as customers from '../customers/customers-write.repository.ts';
import { duplicateDocument, normalizeEmail, normalizePhone } from '../customers/person-input.ts';
import { readCrmSettings } from './crm-settings.ts';
import * as repo from './crm.repository.ts';
import { type LeadAddress, resolveLeadStreet } from './lead-address.ts';

/** MK's SAC setting "Não permitir cadastro de cliente via app sac plus e CRM+" refuses both lead endpoints. */
async function assertSignupsAllowed(db: Db): Promise<void> {
  if ((await readCrmSettings(db)).forbidApiSignups) {
    throw new MkError('featureDisabled', 'A configuração SAC não permite cadastros via app SAC Plus, CRM+ e APIs.');
  }
}

export interface OpenedLead {
  leadId: number;
  customerId: number;
  customerName: string;
}

export async function openLeadForCustomer(deps: AppDeps, caller: Caller | null, customerId: number, info: string | undefined): Promise<OpenedLead> {
  await assertSignupsAllowed(deps.db);
  const text = info === undefined ? null : cleanText(info, 'info');
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const customer = await repo.findCustomerForLead(tx, customerId);
    if (!customer) throw new MkError('notFound');
    const leadId = await repo.insertLead(tx, {
      company_id: customer.company_id,
      customer_id: customer.id,
      info: text,
      latitude: customer.latitude,
      longitude: customer.longitude,
      created_at: now,
    });
    await writeAudit(tx, { actor: callerActor(caller), action: 'create', entity: 'lead', entityId: leadId, details: { customerId, via: 'WSMKNovaLead' }, at: now });
    return { leadId, customerId: customer.id, customerName: customer.name };
  });
}

export interface LeadSignup {
  document?: string | undefined;
  name: string;
  phone: string;
  email?: string | undefined;
  address: LeadAddress;
  latitude?: number | undefined;
  longitude?: number | undefined;
  companyShortName?: string | undefined;
  info?: string | undefined;
}

/**
 * WSMKInserirLead: a registration (PF/PJ by the document; a pre-registration without one) at the
 * lead address, then the lead — all in one transaction, or nothing.
 */
export async function signUpLead(deps: AppDeps, caller: Caller | null, s: LeadSignup): Promise<OpenedLead> {
  await assertSignupsAllowed(deps.db);
  const doc = s.document === undefined ? null : classifyDocument(s.document);
  if (s.document !== undefined && !doc) throw invalid('documento', 'CPF ou CNPJ válido');
  const name = cleanText(s.name, 'nome');
  const phone = normalizePhone(s.phone, 'fone01');
  const email = s.email === undefined ? undefined : normalizeEmail(s.email, 'email');
  const info = s.info === undefined ? null : cleanText(s.info, 'informacoes');
  if ((s.latitude === undefined) !== (s.longitude === undefined)) throw invalid('lat', 'informe lat e lon juntas');
  const now = deps.clock.now();
  const actor = callerActor(caller);

  return withTransaction(deps.db, async (tx) => {
    if (doc) {
      await customers.lockDocument(tx, doc.value);
      if (await customers.documentTaken(tx, doc.value)) throw duplicateDocument();
    }
    let companyId: number | undefined;
    if (s.companyShortName !== undefined) {
      companyId = (await repo.findActiveCompanyByShortName(tx, s.companyShortName))?.id;
      if (companyId === undefined) throw invalid('dataConnection', 'empresa inexistente ou inativa');
    } else {
      companyId = await customers.defaultCompanyId(tx);
      if (companyId === undefined) throw new MkError('conflict', 'Nenhuma empresa ativa cadastrada.');
    }
    const streetId = await resolveLeadStreet(tx, caller, s.address, now);
    const personType = doc === null ? 'pre_registration' : doc.kind === 'cpf' ? 'individual' : 'company';
    const customerId = await customers.insertCustomer(tx, {
      company_id: companyId,
      person_type: personType,
      name,
      document: doc?.value ?? null,
      street_id: streetId,
      address_number: s.address.number,
      address_complement: s.address.complement,
      cep: s.address.cep,
      latitude: s.latitude ?? null,
      longitude: s.longitude ?? null,
      created_at: now,
      updated_at: now,
    });
    await customers.setPrimaryPhone(tx, customerId, phone, false);
    if (email !== undefined) await customers.setPrimaryEmail(tx, customerId, email);
    await writeAudit(tx, { actor, action: 'create', entity: 'customer', entityId: customerId, details: { document: doc?.value ?? null, name, personType, companyId, via: 'WSMKInserirLead' }, at: now });
    const leadId = await repo.insertLead(tx, {
      company_id: companyId,
      customer_id: customerId,
      info,
      latitude: s.latitude ?? null,
      longitude: s.longitude ?? null,
      created_at: now,
    });
    await writeAudit(tx, { actor, action: 'create', entity: 'lead', entityId: leadId, details: { customerId, via: 'WSMKInserirLead' }, at: now });
    return { leadId, customerId, customerName: name };
  });
}
