import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { EndpointDefinition } from './endpoint.ts';

/**
 * Opt-in (BuildAppOptions.checkResponses, on in every test app): validates what goes on the wire
 * — the success body after the MK envelope, as JSON — against the route's declared `response`
 * schema, so the OpenAPI document cannot drift from the answers. Missing keys, wrong types and
 * declared patterns (dates) are errors; undeclared keys are errors only where the schema says
 * `additionalProperties: false`.
 */
export function responseChecker(def: EndpointDefinition): (body: unknown) => void {
  const compiled = TypeCompiler.Compile(def.response as TSchema);
  return (body) => {
    const wire: unknown = JSON.parse(JSON.stringify(body));
    if (compiled.Check(wire)) return;
    const errors = [...compiled.Errors(wire)].slice(0, 5).map((e) => `${e.path || '/'}: ${e.message} (got ${JSON.stringify(e.value)?.slice(0, 60)})`);
    throw new Error(`response of ${def.id} does not match its declared schema: ${errors.join('; ')}`);
  };
}
