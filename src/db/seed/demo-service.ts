// Demo data of the service domain on top of seedDomain: Brazilian spellings for the lookups the
// chatbots show, and the documented customer (id 1, CPF 529.982.247-25) with exactly one open
// ticket and one scheduled OS linked to it.
import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { withTransaction } from '../transaction.ts';

const RENAMES: Record<'ticket_classifications' | 'service_order_types', Array<[string, string]>> = {
  ticket_classifications: [
    ['SUPORTE-SEM-CONEXAO', 'SEM CONEXÃO'],
    ['SUPORTE-LENTIDAO', 'LENTIDÃO'],
    ['FINANCEIRO-SEGUNDA-VIA', 'SEGUNDA VIA DE BOLETO'],
    ['COMERCIAL-TROCA-PLANO', 'TROCA DE PLANO'],
    ['MUDANCA-ENDERECO', 'MUDANÇA DE ENDEREÇO'],
    ['DESBLOQUEIO-EM-CONFIANCA', 'DESBLOQUEIO EM CONFIANÇA'],
    ['RESOLVIDO-REMOTAMENTE', 'RESOLVIDO REMOTAMENTE'],
    ['ENCERRADO-SEM-CONTATO', 'ENCERRADO SEM CONTATO'],
  ],
  service_order_types: [
    ['INSTALACAO', 'INSTALAÇÃO'],
    ['MANUTENCAO', 'MANUTENÇÃO'],
    ['MUDANCA DE ENDERECO', 'MUDANÇA DE ENDEREÇO'],
    ['VIABILIDADE TECNICA', 'VIABILIDADE TÉCNICA'],
  ],
};

const HOUR = 3_600_000;
const DEMO_CUSTOMER_ID = 1;

export async function seedDemoService(db: Db, now: Date): Promise<Record<string, number>> {
  return withTransaction(db, async (tx) => {
    for (const [from, to] of RENAMES.ticket_classifications) {
      await tx.updateTable('ticket_classifications').set({ description: to }).where('description', '=', from).execute();
    }
    for (const [from, to] of RENAMES.service_order_types) {
      await tx.updateTable('service_order_types').set({ description: to }).where('description', '=', from).execute();
    }
    const connection = await tx
      .selectFrom('connections as cn')
      .innerJoin('contracts as k', 'k.id', 'cn.contract_id')
      .select(['cn.id', 'k.id as contract_id', 'k.company_id'])
      .where('k.customer_id', '=', DEMO_CUSTOMER_ID)
      .where('k.status', '=', 'active')
      .orderBy('cn.id')
      .executeTakeFirst();
    if (!connection) return { demoServiceTickets: 0, demoServiceOrders: 0 };
    // Replace whatever the random activity left open for this customer by the documented pair.
    const openTickets = tx.selectFrom('tickets').select('id').where('customer_id', '=', DEMO_CUSTOMER_ID).where('status', '<>', 'closed');
    await tx.updateTable('service_orders').set({ ticket_id: null }).where('ticket_id', 'in', openTickets).execute();
    await tx.deleteFrom('service_orders').where('customer_id', '=', DEMO_CUSTOMER_ID).where('status', 'not in', ['closed', 'cancelled']).execute();
    await tx.deleteFrom('tickets').where('customer_id', '=', DEMO_CUSTOMER_ID).where('status', '<>', 'closed').execute();

    const lookup = async (table: 'ticket_classifications' | 'service_order_types', description: string) =>
      (await tx.selectFrom(table).select('id').where('description', '=', description).executeTakeFirstOrThrow()).id;
    const process = await tx.selectFrom('ticket_processes').select('id').where('name', '=', 'TECNICO-SEM-CONEXAO').executeTakeFirstOrThrow();
    const operator = await tx.selectFrom('operators').select('id').orderBy('id').executeTakeFirst();
    const technician = await tx.selectFrom('technicians').select('id').where('active', '=', true).orderBy('id').executeTakeFirstOrThrow();
    const team = await tx.selectFrom('team_members').select('team_id').where('technician_id', '=', technician.id).executeTakeFirst();
    const group = await tx.selectFrom('service_groups').select('id').where('active', '=', true).orderBy('id').executeTakeFirstOrThrow();
    const openedAt = new Date(now.getTime() - 2 * HOUR);
    const ticket = await tx
      .insertInto('tickets')
      .values({
        company_id: connection.company_id,
        protocol: sql<string>`to_char(${openedAt}::timestamptz at time zone 'America/Sao_Paulo', 'YYMM') || '.' || nextval('ticket_protocol_seq')`,
        customer_id: DEMO_CUSTOMER_ID,
        contract_id: connection.contract_id,
        connection_id: connection.id,
        process_id: process.id,
        opening_classification_id: await lookup('ticket_classifications', 'SEM CONEXÃO'),
        contact_origin_id: 9,
        opened_by_operator_id: operator?.id ?? null,
        status: 'open',
        description: 'Cliente informa que a internet caiu e a luz LOS da ONU está vermelha.',
        opened_at: openedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('ticket_comments')
      .values({ ticket_id: ticket.id, body: 'Reinício remoto sem sucesso; visita técnica agendada.', visibility: 'public', operator_id: operator?.id ?? null, created_at: new Date(openedAt.getTime() + HOUR / 2) })
      .execute();
    await tx
      .insertInto('service_orders')
      .values({
        company_id: connection.company_id,
        customer_id: DEMO_CUSTOMER_ID,
        contract_id: connection.contract_id,
        connection_id: connection.id,
        ticket_id: ticket.id,
        service_order_type_id: await lookup('service_order_types', 'MANUTENÇÃO'),
        service_group_id: group.id,
        technician_id: technician.id,
        team_id: team?.team_id ?? null,
        status: 'scheduled',
        reported_problem: 'Sem conexão: LOS vermelho na ONU.',
        indications: 'Verificar a CTO e levar ONU reserva.',
        opened_at: new Date(openedAt.getTime() + HOUR),
        opened_by_operator_id: operator?.id ?? null,
        scheduled_for: new Date(now.getTime() + 24 * HOUR),
        created_at: new Date(openedAt.getTime() + HOUR),
        updated_at: new Date(openedAt.getTime() + HOUR),
      })
      .execute();
    return { demoServiceTickets: 1, demoServiceOrders: 1 };
  });
}
