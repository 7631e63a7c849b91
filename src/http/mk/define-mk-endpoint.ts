import type { TObject } from '@sinclair/typebox';
import type { EndpointDefinition, EndpointSpec } from '../endpoint.ts';

/**
 * Declares `/mk/<Name>.rule` (GET and POST). The handler returns the payload: an object gets the
 * MK success envelope (`status: "OK"` added), an array is sent bare (WSMKConsultaClientes).
 */
export function defineMkEndpoint<Q extends TObject>(spec: EndpointSpec<Q>): EndpointDefinition {
  return {
    surface: 'mk',
    id: spec.id,
    alsoImplements: spec.alsoImplements ?? [],
    methods: ['GET', 'POST'],
    url: `/mk/${spec.id.split('#')[0]}.rule`,
    service: spec.service,
    query: spec.query,
    response: spec.response,
    errorStyle: spec.errorStyle ?? 'standard',
    summary: spec.summary ?? spec.id,
    throttleFailures: spec.throttleFailures ?? false,
    handler: spec.handler as EndpointDefinition['handler'],
  };
}
