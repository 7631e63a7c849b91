import type { FixedContract } from './contracts.ts';
import type { CustomerDraft } from './customers.ts';
import { placeOnStreet } from './customers.ts';
import type { SeedContext, World } from './world.ts';
import { daysAgo } from './world.ts';

/** Documented demo logins (README): SAC user/password of the two fixed customers. */
export const DEMO_CUSTOMERS = {
  individual: { id: 1, document: '52998224725', name: 'MARIA DA SILVA SANTOS', sacLogin: 'maria', sacPassword: 'sac12345', username: 'maria.santos' },
  company: {
    id: 2, document: '11222333000181', name: 'PADARIA E CONFEITARIA PÃO DOURADO LTDA', sacLogin: '11222333000181',
    sacPassword: 'empresa123', username: 'paodourado',
  },
} as const;

export interface FixedCustomer {
  draft: CustomerDraft;
  contract: FixedContract;
  username: string;
}

/**
 * Customer 1 (CPF 529.982.247-25): an active FIBRA 500 contract whose last past invoice is
 * still open (overdue by a few days) next to the coming one; on the lenient blocking rule,
 * so the connection stays unblocked.
 */
export function fixedIndividual(ctx: SeedContext, world: World, sacPasswordHash: string): FixedCustomer {
  const spec = DEMO_CUSTOMERS.individual;
  const city = world.cities[0];
  const company = world.companies[0];
  const street = city?.neighbourhoods[0]?.streets[0];
  if (!city || !company || !street) throw new Error('reference data missing for the fixed customers');
  return {
    draft: {
      id: spec.id, company, city, street, addressNumber: '500', ...placeOnStreet(ctx.r, street), condominiumId: null,
      personType: 'individual', name: spec.name, tradeName: null, document: spec.document, handle: 'maria.santos',
      phone: '43991234567', email: 'maria.santos@gmail.com', createdOn: daysAgo(ctx, 800), payer: 'good',
      sacLogin: spec.sacLogin, sacPasswordHash, duplicate: false,
    },
    contract: { planName: 'FIBRA 500 MEGA', paymentMethod: 'boleto', blockingRule: 1, forceOverdue: true, signedDaysAgo: 790 },
    username: spec.username,
  };
}

/** Customer 2 (CNPJ 11.222.333/0001-81): a business on the EMPRESARIAL plan, paying on time. */
export function fixedCompany(ctx: SeedContext, world: World, sacPasswordHash: string): FixedCustomer {
  const spec = DEMO_CUSTOMERS.company;
  const city = world.cities[0];
  const company = world.companies[0];
  const street = city?.neighbourhoods[1]?.streets[0];
  if (!city || !company || !street) throw new Error('reference data missing for the fixed customers');
  return {
    draft: {
      id: spec.id, company, city, street, addressNumber: '1200', ...placeOnStreet(ctx.r, street), condominiumId: null,
      personType: 'company', name: spec.name, tradeName: 'PÃO DOURADO', document: spec.document, handle: 'paodourado',
      phone: '43998765432', email: 'contato@paodourado.com.br', createdOn: daysAgo(ctx, 520), payer: 'good',
      sacLogin: spec.sacLogin, sacPasswordHash, duplicate: false,
    },
    contract: { planName: 'EMPRESARIAL 600 MEGA', paymentMethod: 'boleto', blockingRule: 1, forceOverdue: false, signedDaysAgo: 510 },
    username: spec.username,
  };
}
