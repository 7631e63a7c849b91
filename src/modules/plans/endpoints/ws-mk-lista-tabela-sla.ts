import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listSlaTables } from '../lookups.repository.ts';
import { slaItem, toSlaItem } from '../lookups.schemas.ts';

export const wsmkListaTabelaSla = defineMkEndpoint({
  id: 'WSMKListaTabelaSLA',
  service: ALL_SERVICES,
  summary: 'Active SLA tables: the CodigoSLA codes of WSMKNovoContrato',
  query: Type.Object({}),
  response: Type.Object({ TabelasSLA: Type.Array(slaItem) }),
  async handler({ deps }) {
    return { TabelasSLA: (await listSlaTables(deps.db)).map(toSlaItem) };
  },
});
