import { formatDateTimeSql } from '../../lib/dates.ts';

const STATUS: Record<string, [string, string]> = {
  open: ['A', 'Aberto'],
  in_progress: ['E', 'Em andamento'],
  closed: ['F', 'Encerrado'],
};

export const ticketStatusCode = (status: string) => (STATUS[status] ?? ['A', 'Aberto'])[0];
export const ticketStatusText = (status: string) => (STATUS[status] ?? ['A', 'Aberto'])[1];

/** `YYYY-MM-DD` and `HH:MM:SS` of an instant in São Paulo (WSMKAtendimentos, wire-formats §2). */
export function splitDateTime(instant: Date): [string, string] {
  const [date = '', time = ''] = formatDateTimeSql(instant).split(' ');
  return [date, time];
}
