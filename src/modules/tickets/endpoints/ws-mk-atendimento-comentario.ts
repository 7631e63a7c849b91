import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { addComment } from '../tickets.service.ts';

export const wsmkAtendimentoComentario = defineMkEndpoint({
  id: 'WSMKAtendimentoComentario',
  service: ALL_SERVICES,
  summary: 'Adds a comment (tipo 1 private, the default; 2 public) to an open ticket; unknown or closed ticket → 003; 300 characters after HTML-entity encoding',
  query: Type.Object({
    cd_atendimento: mkParam.id({ description: 'código do atendimento' }),
    comentario: mkParam.text(4000, { description: 'até 300 caracteres depois da codificação HTML (Á = &Aacute;)' }),
    user: Type.Optional(mkParam.text(60, { description: 'login do operador' })),
    tipo: Type.Optional(mkParam.oneOf(['1', '2'] as const, { description: '1 privado (padrão), 2 público' })),
  }),
  response: Type.Object({ CodigoAtendimento: Type.Integer(), Comentario: Type.String() }),
  async handler({ params: p, deps, caller }) {
    const c = await addComment(deps, caller, { ticketId: p.cd_atendimento, text: p.comentario, type: p.tipo ?? '1', user: p.user });
    return { CodigoAtendimento: c.ticketId, Comentario: c.text };
  },
});
