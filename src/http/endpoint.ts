import type { Static, TObject, TSchema } from '@sinclair/typebox';
import type { HandlerContext } from './context.ts';
import type { MkErrorStyle } from './mk/mk-reply.ts';

/** `open` = the two authentication endpoints; a number = the cd_servico a token must grant. */
export type ServiceScope = number | 'open';

/** Every code that only the all-services grant (9999) covers: endpoints without their own cd_servico. */
export const ALL_SERVICES = 9999;

export interface EndpointDefinition {
  surface: 'mk' | 'core-api';
  /** Catalog id (spec/catalog/endpoints.json). */
  id: string;
  /** Further catalog ids answered by the same route (the catalog documents some routes twice). */
  alsoImplements: string[];
  methods: Array<'GET' | 'POST' | 'PUT'>;
  url: string;
  service: ServiceScope;
  query: TObject;
  response: TSchema;
  errorStyle: MkErrorStyle;
  summary: string;
  /** Credential checks: repeated `authFailed` answers from one IP get 011 for a while. */
  throttleFailures: boolean;
  handler: (ctx: HandlerContext<Record<string, unknown>>) => Promise<unknown>;
}

export interface EndpointSpec<Q extends TObject> {
  id: string;
  alsoImplements?: string[];
  service: ServiceScope;
  /** Parameters (query string or form/JSON body, merged; names matched case-insensitively). */
  query: Q;
  /** Success body, for the OpenAPI document. */
  response: TSchema;
  errorStyle?: MkErrorStyle;
  summary?: string;
  throttleFailures?: boolean;
  handler: (ctx: HandlerContext<Static<Q>>) => Promise<unknown>;
}
