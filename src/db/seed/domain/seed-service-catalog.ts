import { cpfWithCheckDigits } from '../../../lib/documents.ts';
import type { SeedContext, World } from './world.ts';

type ServiceCatalog = Pick<
  World,
  | 'ticketClassifications' | 'ticketProcessIds' | 'attendantIds' | 'serviceOrderTypes' | 'serviceGroupIds'
  | 'technicianIds' | 'teamIds'
>;

const ATTENDANTS = ['CAMILA ROCHA', 'BRUNO TEIXEIRA', 'LUANA MENDES', 'MARCOS PINTO', 'DÉBORA CAMPOS', 'TIAGO RAMOS'];
const TECHNICIANS = [
  'ANDERSON LIMA', 'EDSON BATISTA', 'GUILHERME SOUZA', 'LEANDRO DIAS', 'RICARDO MONTEIRO',
  'SEBASTIÃO FREITAS', 'FÁBIO CORREIA', 'JORGE TAVARES',
];

/** Ticket classifications and processes, attendants, OS types, service groups, technicians, teams. */
export function seedServiceCatalog(ctx: SeedContext): ServiceCatalog {
  const { r, batch, ids } = ctx;
  const classification = (description: string, closes: boolean) => {
    const id = ids.next('ticket_classifications');
    batch.add('ticket_classifications', { id, description, closes_ticket: closes, active: true });
    return id;
  };
  const opening = [
    'SUPORTE-SEM-CONEXAO', 'SUPORTE-LENTIDAO', 'FINANCEIRO-SEGUNDA-VIA', 'COMERCIAL-TROCA-PLANO',
    'CANCELAMENTO', 'MUDANCA-ENDERECO', 'DESBLOQUEIO-EM-CONFIANCA',
  ].map((d) => classification(d, false));
  const closing = ['RESOLVIDO', 'ONU-SEM-LUZ', 'RESOLVIDO-REMOTAMENTE', 'ENCERRADO-SEM-CONTATO'].map((d) => classification(d, true));

  const ticketProcessIds: number[] = [];
  const processes: [string, string[]][] = [
    ['SUPORTE TÉCNICO', ['TECNICO-SEM-CONEXAO', 'TECNICO-LENTIDAO', 'TECNICO-WIFI']],
    ['FINANCEIRO', ['FINANCEIRO-SEGUNDA-VIA', 'FINANCEIRO-NEGOCIACAO']],
    ['COMERCIAL', ['COMERCIAL-UPGRADE', 'COMERCIAL-CANCELAMENTO', 'COMERCIAL-MUDANCA-ENDERECO']],
  ];
  for (const [parent, children] of processes) {
    const parentId = ids.next('ticket_processes');
    batch.add('ticket_processes', { id: parentId, parent_id: null, name: parent, sla_table_id: null, active: true });
    for (const child of children) {
      const id = ids.next('ticket_processes');
      batch.add('ticket_processes', { id, parent_id: parentId, name: child, sla_table_id: null, active: true });
      ticketProcessIds.push(id);
    }
  }

  const attendantIds = ATTENDANTS.map((name, i) => {
    const id = ids.next('attendants');
    const first = name.split(' ')[0]?.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    batch.add('attendants', {
      id, name, operator_id: i === 0 ? (ctx.operatorIds[0] ?? null) : null, email: `${first}@nortefibra.com.br`, active: i < 5,
    });
    return id;
  });

  const osType = (description: string, minutes: number) => {
    const id = ids.next('service_order_types');
    batch.add('service_order_types', { id, description, default_duration_minutes: minutes, active: true });
    return id;
  };
  const serviceOrderTypes = {
    installation: osType('INSTALACAO', 120),
    maintenance: osType('MANUTENCAO', 60),
    move: osType('MUDANCA DE ENDERECO', 120),
    removal: osType('RETIRADA DE EQUIPAMENTO', 45),
    all: [] as number[],
  };
  serviceOrderTypes.all = [
    serviceOrderTypes.installation, serviceOrderTypes.maintenance, serviceOrderTypes.move, serviceOrderTypes.removal,
    osType('VIABILIDADE TECNICA', 60), osType('TROCA DE EQUIPAMENTO', 45),
  ];
  const serviceGroupIds = ['EQUIPE FIBRA LONDRINA', 'EQUIPE FIBRA REGIAO', 'EQUIPE RADIO', 'EQUIPE OURINHOS'].map((name) => {
    const id = ids.next('service_groups');
    batch.add('service_groups', { id, name, active: true });
    return id;
  });
  const technicianIds = TECHNICIANS.map((name) => {
    const id = ids.next('technicians');
    const first = name.split(' ')[0]?.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    batch.add('technicians', {
      id, name, operator_id: null, document: cpfWithCheckDigits(r.digits(9)), phone: `439${r.digits(8)}`,
      email: `${first}.tecnico@nortefibra.com.br`, active: true,
    });
    return id;
  });
  const teamIds = ([['EQUIPE ALFA', [0, 1, 2]], ['EQUIPE BETA', [3, 4, 5]], ['EQUIPE OURINHOS', [6, 7]]] as const).map(
    ([name, members]) => {
      const id = ids.next('teams');
      batch.add('teams', { id, name, leader_technician_id: technicianIds[members[0]] ?? null, active: true });
      for (const m of members) batch.add('team_members', { team_id: id, technician_id: technicianIds[m] as number });
      return id;
    },
  );
  return {
    ticketClassifications: { opening, closing }, ticketProcessIds, attendantIds, serviceOrderTypes,
    serviceGroupIds, technicianIds, teamIds,
  };
}
