import type { TObject } from '@sinclair/typebox';
import type { EndpointDefinition, EndpointSpec } from '../endpoint.ts';

/**
 * Declares a `/core-api/...` route: same token (`?token=`), no `sys`, parameters from the query
 * string or a JSON/form body; the handler's value is sent as is (camelCase objects, bare arrays).
 */
export function defineCoreEndpoint<Q extends TObject>(
  spec: EndpointSpec<Q> & { method: 'GET' | 'POST' | 'PUT'; path: string },
): EndpointDefinition {
  return {
    surface: 'core-api',
    id: spec.id,
    alsoImplements: spec.alsoImplements ?? [],
    methods: [spec.method],
    url: `/core-api${spec.path}`,
    service: spec.service,
    query: spec.query,
    response: spec.response,
    errorStyle: spec.errorStyle ?? 'standard',
    summary: spec.summary ?? spec.id,
    throttleFailures: spec.throttleFailures ?? false,
    handler: spec.handler as EndpointDefinition['handler'],
  };
}
