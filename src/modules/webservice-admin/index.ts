import type { Module } from '../module.ts';
import { webserviceAdminRoutes } from './admin-routes.ts';

export const webserviceAdminModule: Module = {
  name: 'webservice-admin',
  endpoints: [],
  routes: webserviceAdminRoutes,
};
