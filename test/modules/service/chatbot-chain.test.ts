import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tokenFor } from '../../support/access.ts';
import { buildTestApp, type TestApp } from '../../support/build-test-app.ts';
import { connectionsModule } from '../../../src/modules/connections/index.ts';
import { contractsModule } from '../../../src/modules/contracts/index.ts';
import { createServiceWorld, createSubscriber, type ServiceWorld, serviceModules } from '../../support/factories/service.ts';
import { core, mk } from '../../support/mk-client.ts';

// What a WhatsApp chatbot does (wire-formats §2, gerador-os): find the customer by CPF, pick the
// contract and connection, read the lookups, open a ticket, comment it, open an OS and read the
// OS number out of the message. The first test reads the contract straight from the database;
// the second asks WSMKContratosPorCliente and WSMKConexoesPorCliente as a real bot does.
describe('chatbot chain: ConsultaDoc → contracts → lookups → NovoAtendimento → AtendimentoComentario → CriarOrdemServico', () => {
  let t: TestApp;
  let w: ServiceWorld;
  let token: string;
  let s: Awaited<ReturnType<typeof createSubscriber>>;
  before(async () => {
    t = await buildTestApp({ modules: [...serviceModules(), contractsModule, connectionsModule] });
    w = await createServiceWorld(t.db);
    token = await tokenFor(t.db);
    s = await createSubscriber(t.db, w);
  });
  after(async () => t.close());

  test('the whole conversation, each step using only what the previous answers gave', async () => {
    const doc = await mk(t.app, 'WSMKConsultaDoc', { token, doc: s.customer.document as string });
    assert.equal(doc.body.status, 'OK');
    const customerId: number = doc.body.CodigoPessoa;

    const contract = await t.db
      .selectFrom('contracts')
      .innerJoin('connections', 'connections.contract_id', 'contracts.id')
      .select(['contracts.id as contractId', 'connections.id as connectionId'])
      .where('contracts.customer_id', '=', customerId)
      .where('contracts.status', '=', 'active')
      .executeTakeFirstOrThrow();

    const processes = await mk(t.app, 'WSMKListaProcessos', { token });
    const support = processes.body.processos.find((p: { nome_processo: string }) => p.nome_processo.startsWith('SUPORTE TÉCNICO'));
    const classes = await mk(t.app, 'WSMKListaClassificacoesAte', { token });
    const noConnection = classes.body.ClassificacoesAtendimento.find(
      (c: { descricao: string; encerramento: string }) => c.descricao.startsWith('SEM CONEXÃO') && c.encerramento === 'Não',
    );

    const ticket = await mk(
      t.app,
      'WSMKNovoAtendimento',
      {
        token,
        cd_cliente: customerId,
        cd_contrato: contract.contractId,
        cd_processo: support.codprocesso,
        cd_classificacao_ate: noConnection.codigo,
        origem_contato: 9,
        info: 'Cliente relata LOS vermelho na ONU',
        conexao_associada: contract.connectionId,
        op_abertura: w.operator.login,
      },
      { method: 'POST' },
    );
    assert.equal(ticket.body.status, 'OK');
    assert.match(ticket.body.Protocolo, /^\d{4}\.\d+$/);

    const comment = await mk(t.app, 'WSMKAtendimentoComentario', {
      token,
      cd_atendimento: ticket.body.CodigoAtendimento,
      comentario: '<font color="#FF0000">Cliente confirmou reinício da ONU</font>',
      tipo: 1,
      user: w.operator.login,
    });
    assert.equal(comment.body.status, 'OK');

    const types = await mk(t.app, 'WSMKOSListaTiposOS', { token });
    const maintenance = types.body.Tipos.find((x: { descricao: string }) => x.descricao.startsWith('MANUTENÇÃO'));
    const groups = await mk(t.app, 'WSMKOSListaGruposServico', { token });
    const techs = await mk(t.app, 'WSMKOSListaTecnicoResponsavel', { token });
    const os = await mk(t.app, 'WSMKCriarOrdemServico', {
      token,
      CodigoCliente: customerId,
      CodigoConexao: contract.connectionId,
      CodigoTipoOS: maintenance.codostipo,
      CodigoGrupoServico: groups.body.GruposServico[0].codgrupo,
      CodigoTecnico: techs.body.Tecnicos[0].codtecnico,
      CodigoAtendimento: ticket.body.CodigoAtendimento,
      DescricaoProblema: 'LOS vermelho',
      Indicacoes: 'Verificar CTO',
      categoria: 1,
    });
    const osNumber = /OS (\d+) criada/.exec(os.body.mensagem)?.[1];
    assert.ok(osNumber, os.raw);

    const read = await core(t.app, 'GET', '/os/id', { token, id: osNumber });
    assert.deepEqual(
      [read.body.pessoaId, read.body.atendimentoId, read.body.protocoloAtendimento, read.body.conexaoId, read.body.indicacoes],
      [customerId, ticket.body.CodigoAtendimento, ticket.body.Protocolo, contract.connectionId, 'Verificar CTO'],
    );
    const period = await mk(t.app, 'WSMKAtendimentos', { token, data_inicio: '2026-11-24', data_termino: '2026-11-24' });
    assert.ok(period.body.some((x: { codigo_atendimento: number; codigo_cliente: number }) => x.codigo_atendimento === ticket.body.CodigoAtendimento && x.codigo_cliente === customerId));
  });
  test('with the contract and connection endpoints: ContratosPorCliente → ConexoesPorCliente → NovoAtendimento → CriarOrdemServico', async () => {
    const doc = await mk(t.app, 'WSMKConsultaDoc', { token, doc: s.customer.document as string });
    const contracts = await mk(t.app, 'WSMKContratosPorCliente', { token, cd_cliente: doc.body.CodigoPessoa });
    const contractId: number = contracts.body.ContratosAtivos[0].codcontrato;
    const connections = await mk(t.app, 'WSMKConexoesPorCliente', { token, cd_cliente: doc.body.CodigoPessoa });
    const connectionId: number = connections.body.Conexoes.find((c: { contrato: number }) => c.contrato === contractId).codconexao;
    const ticket = await mk(t.app, 'WSMKNovoAtendimento', {
      token, cd_cliente: doc.body.CodigoPessoa, cd_contrato: contractId, cd_processo: w.rootProcess, cd_classificacao_ate: w.openClass, origem_contato: 9, info: 'Sem internet',
    });
    const row = await t.db.selectFrom('tickets').select('connection_id').where('id', '=', ticket.body.CodigoAtendimento).executeTakeFirstOrThrow();
    assert.equal(row.connection_id, connectionId);
    const os = await mk(t.app, 'WSMKCriarOrdemServico', {
      token, CodigoCliente: doc.body.CodigoPessoa, CodigoConexao: connectionId, CodigoContrato: contractId, CodigoTipoOS: w.maintenanceType,
      CodigoGrupoServico: w.group, CodigoTecnico: w.technician, CodigoAtendimento: ticket.body.CodigoAtendimento, DescricaoProblema: 'Sem internet',
    });
    assert.match(os.body.mensagem, /^OS \d+ criada com sucesso\.$/);
  });
});
