import { addressesModule } from './addresses/index.ts';
import { authModule } from './auth/index.ts';
import { billingModule } from './billing/index.ts';
import { connectionsModule } from './connections/index.ts';
import { contractsModule } from './contracts/index.ts';
import { crmModule } from './crm/index.ts';
import { customersModule } from './customers/index.ts';
import type { Module } from './module.ts';
import { notificationsModule } from './notifications/index.ts';
import { outagesModule } from './outages/index.ts';
import { paymentsModule } from './payments/index.ts';
import { plansModule } from './plans/index.ts';
import { radiusModule } from './radius/index.ts';
import { serviceOrdersModule } from './service-orders/index.ts';
import { ticketsModule } from './tickets/index.ts';
import { webserviceAdminModule } from './webservice-admin/index.ts';

/** Every module of the app; buildApp registers them in this order. */
export const modules: Module[] = [
  authModule,
  webserviceAdminModule,
  customersModule,
  addressesModule,
  notificationsModule,
  billingModule,
  paymentsModule,
  plansModule,
  contractsModule,
  connectionsModule,
  crmModule,
  outagesModule,
  radiusModule,
  serviceOrdersModule,
  ticketsModule,
];
