import type { Module } from '../module.ts';
import { radiusCoaRoutes } from './coa-worker.ts';

/** FreeRADIUS integration: the Disconnect/CoA worker (views and radacct live in migration 0110). */
export const radiusModule: Module = {
  name: 'radius',
  endpoints: [],
  routes: radiusCoaRoutes,
};
