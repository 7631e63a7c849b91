import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { listProcesses, type ProcessNode } from '../tickets.service.ts';

const processItem = Type.Object({ codprocesso: Type.Integer(), nome_processo: Type.String() });

const toItem = (p: ProcessNode) => ({
  codprocesso: p.id,
  nome_processo: p.name,
  subprocessos: p.children.map((c) => ({ codprocesso: c.id, nome_processo: c.name })),
});

export const wsmkListaProcessos = defineMkEndpoint({
  id: 'WSMKListaProcessos',
  service: 11,
  summary: 'Active ticket processes (list key lower-case "processos"), each with its active sub-processes',
  query: Type.Object({}),
  response: Type.Object({
    processos: Type.Array(Type.Composite([processItem, Type.Object({ subprocessos: Type.Array(processItem) })])),
  }),
  async handler({ deps }) {
    return { processos: (await listProcesses(deps.db)).map(toItem) };
  },
});
