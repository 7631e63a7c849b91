import type { Module } from '../module.ts';
import { coreGetPessoasEmpresa } from './endpoints/core-get-pessoas-empresa.ts';
import { coreGetPessoasId } from './endpoints/core-get-pessoas-id.ts';
import { coreGetPessoasNome } from './endpoints/core-get-pessoas-nome.ts';
import { coreGetPessoasTelefone } from './endpoints/core-get-pessoas-telefone.ts';
import { corePostPessoas } from './endpoints/core-post-pessoas.ts';
import { corePutPessoas } from './endpoints/core-put-pessoas.ts';
import { wsmkAlterarSenhaSac } from './endpoints/ws-mk-alterar-senha-sac.ts';
import { wsmkConsultaClientes } from './endpoints/ws-mk-consulta-clientes.ts';
import { wsmkConsultaDoc } from './endpoints/ws-mk-consulta-doc.ts';
import { wsmkConsultaNome } from './endpoints/ws-mk-consulta-nome.ts';
import { wsmkNovaPessoa } from './endpoints/ws-mk-nova-pessoa.ts';
import { wsmkUserSenhaSac } from './endpoints/ws-mk-user-senha-sac.ts';

export const customersModule: Module = {
  name: 'customers',
  endpoints: [
    wsmkConsultaDoc,
    wsmkUserSenhaSac,
    wsmkConsultaNome,
    wsmkConsultaClientes,
    coreGetPessoasId,
    coreGetPessoasNome,
    coreGetPessoasEmpresa,
    coreGetPessoasTelefone,
    corePostPessoas,
    corePutPessoas,
    wsmkNovaPessoa,
    wsmkAlterarSenhaSac,
  ],
};
