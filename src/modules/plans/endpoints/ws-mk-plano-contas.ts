import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listChartAccounts } from '../lookups.repository.ts';
import { chartItem, toChartItem } from '../lookups.schemas.ts';

export const wsmkPlanoContas = defineMkEndpoint({
  id: 'WSMKPlanoContas',
  service: ALL_SERVICES,
  summary: 'Active leaf revenue accounts, by classification: the CodigoPlanoContas codes of WSMKNovoContrato',
  query: Type.Object({}),
  response: Type.Object({ PlanoContas: Type.Array(chartItem) }),
  async handler({ deps }) {
    return { PlanoContas: (await listChartAccounts(deps.db)).map(toChartItem) };
  },
});
