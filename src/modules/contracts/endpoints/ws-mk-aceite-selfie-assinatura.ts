import { Type } from '@sinclair/typebox';
import { ALL_SERVICES } from '../../../http/endpoint.ts';
import { defineMkEndpoint } from '../../../http/mk/define-mk-endpoint.ts';
import { mkParam } from '../../../http/mk/params.ts';
import { acceptWithImages } from '../acceptance.service.ts';

const IMAGE = ['image/jpeg', 'image/png'] as const;

export const wsmkAceiteSelfieAssinatura = defineMkEndpoint({
  id: 'WSMKAceiteSelfieAssinatura',
  service: ALL_SERVICES,
  summary: 'Accepts every pending contract term with a selfie and a signature (POST multipart: token and contrato in the query, two JPEG/PNG files)',
  query: Type.Object({
    contrato: mkParam.id({ description: 'código do contrato do cliente' }),
    selfie: mkParam.file({ types: IMAGE, description: 'imagem da selfie (JPEG ou PNG)' }),
    assinatura: mkParam.file({ types: IMAGE, description: 'imagem da assinatura (JPEG ou PNG)' }),
  }),
  response: Type.Object({ CodigoContrato: Type.Integer(), Mensagem: Type.String(), Termos: Type.Array(Type.Integer()) }),
  async handler({ params, caller, deps, ip }) {
    const r = await acceptWithImages(deps.db, {
      caller,
      now: deps.clock.now(),
      ip,
      dataDir: deps.config.dataDir,
      contractId: params.contrato,
      selfie: { data: params.selfie.data, contentType: params.selfie.contentType, filename: params.selfie.filename },
      signature: { data: params.assinatura.data, contentType: params.assinatura.contentType, filename: params.assinatura.filename },
    });
    return { CodigoContrato: r.contractId, Mensagem: 'Aceite registrado no contrato do cliente.', Termos: r.termIds };
  },
});
