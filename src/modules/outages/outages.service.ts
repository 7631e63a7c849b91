import type { Db } from '../../db/database.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import * as repo from './outages.repository.ts';

/** MK's status letters: A = em andamento, F = finalizada. */
export const OUTAGE_STATUS = { A: 'in_progress', F: 'finished' } as const;

export const outagesByStatus = (db: Db, letter: keyof typeof OUTAGE_STATUS) => repo.listOutages(db, OUTAGE_STATUS[letter]);

/** Runs `read` for an existing outage; an unknown code is 003 (HTTP 404 on core-api). */
async function ofOutage<T>(db: Db, outageId: number, read: (db: Db, id: number) => Promise<T>): Promise<T> {
  if (!(await repo.outageExists(db, outageId))) throw new MkError('notFound');
  return read(db, outageId);
}

export const affectedConnections = (db: Db, outageId: number) => ofOutage(db, outageId, repo.affectedConnections);
export const openServiceOrders = (db: Db, outageId: number) => ofOutage(db, outageId, repo.openServiceOrders);
export const openTickets = (db: Db, outageId: number) => ofOutage(db, outageId, repo.openTickets);
