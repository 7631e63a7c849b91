import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/context.ts';
import type { EndpointDefinition } from '../http/endpoint.ts';

/** What a domain module contributes to the app. */
export interface Module {
  name: string;
  /** Catalog endpoints (`/mk/*.rule`, `/core-api/*`), registered with auth, validation and logging. */
  endpoints: EndpointDefinition[];
  /** Other routes of the module (downloads, admin API), registered as a plugin. */
  routes?: (app: FastifyInstance, deps: AppDeps) => Promise<void>;
}
