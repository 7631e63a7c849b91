import { Type } from '@sinclair/typebox';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { toMkPerson } from '../customers.mappers.ts';
import { mkPerson } from '../customers.schemas.ts';
import { peopleByDocument } from '../customers.service.ts';

export const wsmkConsultaDoc = defineMkEndpoint({
  id: 'WSMKConsultaDoc',
  service: 6,
  summary: 'Customer by CPF/CNPJ: the main registration at top level, other registrations of the document in Outros (newest first)',
  query: Type.Object({ doc: mkParam.document({ description: 'CPF ou CNPJ do cliente' }) }),
  response: Type.Composite([mkPerson, Type.Object({ Outros: Type.Array(mkPerson) })]),
  async handler({ params, deps }) {
    const { main, others } = await peopleByDocument(deps.db, params.doc);
    return { ...toMkPerson(main), Outros: others.map(toMkPerson) };
  },
});
