import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../src/http/mk/define-mk-endpoint.ts';
import type { Module } from '../../../src/modules/module.ts';

// A protected probe (cd_servico 6) that reports who called; it borrows a catalog id only inside
// the test apps that register it.
const whoAmI = defineMkEndpoint({
  id: 'WSMKConsultaDoc',
  service: 6,
  query: Type.Object({}),
  response: Type.Object({}),
  async handler({ caller }) {
    return { Operador: caller?.operatorLogin ?? '', Perfil: caller?.profileId ?? 0 };
  },
});

export const probeModule: Module = { name: 'probe', endpoints: [whoAmI] };
