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
import { purgeSacLoginFailures } from './sac-throttle.ts';

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
  /** Retention job: SAC login failure counts that no longer lock anything (hourly). */
  async routes(app, deps) {
    let running: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      running = running
        .then(() => purgeSacLoginFailures(deps.db, deps.clock.now()))
        .catch((err) => deps.log.warn({ err }, 'SAC login failures purge failed'));
    }, 3_600_000);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
};
