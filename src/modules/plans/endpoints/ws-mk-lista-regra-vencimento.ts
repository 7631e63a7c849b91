import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listDueDateRules } from '../lookups.repository.ts';
import { dueDateItem, toDueDateItem } from '../lookups.schemas.ts';

export const wsmkListaRegraVencimento = defineMkEndpoint({
  id: 'WSMKListaRegraVencimento',
  service: ALL_SERVICES,
  summary: 'Active due-date rules by day: the CodigoRegraVencimento codes of WSMKNovoContrato',
  query: Type.Object({}),
  response: Type.Object({ RegrasVencimento: Type.Array(dueDateItem) }),
  async handler({ deps }) {
    return { RegrasVencimento: (await listDueDateRules(deps.db)).map(toDueDateItem) };
  },
});
