import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { listBankAccounts } from '../lookups.repository.ts';
import { bankAccountItem, toBankAccountItem } from '../lookups.schemas.ts';

export const wsmkConsultaContasBancarias = defineMkEndpoint({
  id: 'WSMKConsultaContasBancarias',
  service: ALL_SERVICES,
  summary: 'Active bank accounts (the conta of WSMKLiquidacaoFaturas/V2); descricao filters by name, case/accent-insensitive',
  query: Type.Object({ descricao: Type.Optional(mkParam.text(120, { description: 'nome (ou parte) da conta bancária' })) }),
  response: Type.Object({ ContasBancarias: Type.Array(bankAccountItem) }),
  async handler({ params, deps }) {
    return { ContasBancarias: (await listBankAccounts(deps.db, params.descricao?.trim())).map(toBankAccountItem) };
  },
});
