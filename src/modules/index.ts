import { authModule } from './auth/index.ts';
import type { Module } from './module.ts';
import { webserviceAdminModule } from './webservice-admin/index.ts';

/** Every module of the app; buildApp registers them in this order. */
export const modules: Module[] = [authModule, webserviceAdminModule];
