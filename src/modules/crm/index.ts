import type { Module } from '../module.ts';
import { wsmkInserirLead } from './endpoints/ws-mk-inserir-lead.ts';
import { wsmkNovaLead } from './endpoints/ws-mk-nova-lead.ts';
import { wsmkReservarPorta } from './endpoints/ws-mk-reservar-porta.ts';
import { wsmkVerificaDispPorta } from './endpoints/ws-mk-verifica-disp-porta.ts';
import { startReservationExpiry } from './viability.service.ts';

/** Leads, viability and port reservations; runs the job that frees expired reservations. */
export const crmModule: Module = {
  name: 'crm',
  endpoints: [wsmkNovaLead, wsmkInserirLead, wsmkVerificaDispPorta, wsmkReservarPorta],
  async routes(app, deps) {
    const stop = startReservationExpiry(deps);
    app.addHook('onClose', async () => stop());
  },
};
