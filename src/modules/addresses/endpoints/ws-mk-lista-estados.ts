import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkState, toMkState } from '../addresses.schemas.ts';
import { listStates } from '../addresses.service.ts';

export const wsmkListaEstados = defineMkEndpoint({
  id: 'WSMKListaEstados',
  service: ALL_SERVICES,
  summary: 'The 27 states with their MK codes (cd_uf / coduf_cobranca)',
  query: Type.Object({}),
  response: Type.Object({ Estados: Type.Array(mkState) }),
  async handler({ deps }) {
    return { Estados: (await listStates(deps.db)).map(toMkState) };
  },
});
