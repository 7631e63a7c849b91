import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listBlockingRules } from '../lookups.repository.ts';
import { blockingItem, toBlockingItem } from '../lookups.schemas.ts';

export const wsmkListaRegraBloqueio = defineMkEndpoint({
  id: 'WSMKListaRegraBloqueio',
  service: ALL_SERVICES,
  summary: 'Active blocking rules (réguas): the CodigoRegraBloqueio codes of WSMKNovoContrato',
  query: Type.Object({}),
  response: Type.Object({ RegrasBloqueio: Type.Array(blockingItem) }),
  async handler({ deps }) {
    return { RegrasBloqueio: (await listBlockingRules(deps.db)).map(toBlockingItem) };
  },
});
