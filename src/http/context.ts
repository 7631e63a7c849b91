import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every handler and service may use; built once in buildApp. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: FastifyBaseLogger;
}

/** Who is calling, resolved from a session token by the mk-auth plugin. */
export interface Caller {
  sessionId: number;
  profileId: number;
  profileKind: string;
  operatorId: number;
  operatorLogin: string;
  services: number[];
}

export interface HandlerContext<P> {
  params: P;
  caller: Caller | null;
  deps: AppDeps;
  ip: string;
  headers: IncomingHttpHeaders;
  /** Open endpoints (the authenticators) name who authenticated, for the activity log. */
  identify(actor: Actor): void;
}

export interface Actor {
  profileId: number;
  operatorId: number;
}

export type Surface = 'mk' | 'core-api' | 'admin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the buffered activity rows now (tests, shutdown). */
    flushActivityLog(): Promise<void>;
  }
  interface FastifyRequest {
    caller: Caller | null;
    /** MK error number of the answer, for the activity log. */
    mkErrorCode: string | null;
    /** Who authenticated on an open endpoint (no caller yet), for the activity log. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    endpointId?: string;
    surface?: Surface;
    errorStyle?: import('./mk/mk-reply.ts').MkErrorStyle;
    isValidation?: boolean;
    /** The route's parameters by lower-cased name: which values logs may keep. */
    paramPolicy?: ReadonlyMap<string, import('./mk/params.ts').PropertyInfo>;
  }
}
