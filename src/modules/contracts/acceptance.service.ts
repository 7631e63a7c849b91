import { callerActor, writeAudit } from '../../db/audit.ts';
import type { Db } from '../../db/database.ts';
import { withTransaction } from '../../db/transaction.ts';
import type { Caller } from '../../http/context.ts';
import { MkError } from '../../http/mk/mk-errors.ts';
import { unblockConnections } from '../connections/connection-blocking.ts';
import { lockPendingAcceptances } from './contracts.repository.ts';
import { discardCreated, type StoredFile, storeFile } from './file-store.ts';

export interface UploadedImage {
  data: Buffer;
  /** Sniffed from the bytes by the caller. */
  contentType: string;
  filename: string;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png'];

/**
 * WSMKAceiteSelfieAssinatura: accepts every pending term of the contract with the two images.
 * Checks come first (contract, pending terms, image types), so a refused request writes nothing;
 * the images are stored by content hash before the transaction and removed again if it fails.
 * Connections blocked for "contract not accepted" are unblocked in the same transaction.
 */
export async function acceptWithImages(
  db: Db,
  o: { caller: Caller | null; now: Date; ip: string; dataDir: string; contractId: number; selfie: UploadedImage; signature: UploadedImage },
) {
  for (const [param, file] of [['selfie', o.selfie], ['assinatura', o.signature]] as const) {
    if (!IMAGE_TYPES.includes(file.contentType)) throw new MkError('invalidParam', `Parâmetro inválido: ${param} (envie uma imagem JPEG ou PNG).`);
  }
  const contract = await db.selectFrom('contracts').select(['id', 'status']).where('id', '=', o.contractId).executeTakeFirst();
  if (!contract) throw new MkError('notFound');
  if (contract.status === 'cancelled') throw new MkError('conflict', 'Contrato cancelado.');
  const pending = await db.selectFrom('contract_acceptances').select('id').where('contract_id', '=', o.contractId).where('status', '=', 'pending').limit(1).executeTakeFirst();
  if (!pending) throw new MkError('conflict', 'Contrato sem termos de aceite pendentes.');

  const stored: StoredFile[] = [];
  try {
    stored.push(await storeFile(o.dataDir, o.selfie.data, o.selfie.contentType));
    stored.push(await storeFile(o.dataDir, o.signature.data, o.signature.contentType));
    return await withTransaction(db, async (tx) => {
      const rows = await lockPendingAcceptances(tx, o.contractId);
      // Another request accepted them between the check and the lock.
      if (rows.length === 0) throw new MkError('conflict', 'Contrato sem termos de aceite pendentes.');
      const fileIds: number[] = [];
      for (const [i, [kind, file]] of ([['selfie', o.selfie], ['signature', o.signature]] as const).entries()) {
        const s = stored[i] as StoredFile;
        const row = await tx
          .insertInto('files')
          .values({
            name: `${kind}-contrato-${o.contractId}.${s.storagePath.split('.').pop()}`,
            mime_type: file.contentType,
            size_bytes: file.data.length,
            sha256: s.sha256,
            storage_path: s.storagePath,
            kind,
            created_at: o.now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        fileIds.push(row.id);
      }
      await tx
        .updateTable('contract_acceptances')
        .set({ status: 'accepted', accepted_at: o.now, channel: 'api', selfie_file_id: fileIds[0] ?? null, signature_file_id: fileIds[1] ?? null, client_ip: o.ip })
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
      const actor = callerActor(o.caller);
      const unblocked = await unblockConnections(tx, { contractId: o.contractId }, { actor, at: o.now, note: 'Aceite contratual registrado', onlyReason: 'contract_not_accepted' });
      await writeAudit(tx, {
        actor,
        action: 'contract.accept_terms',
        entity: 'contract',
        entityId: o.contractId,
        details: { acceptanceIds: rows.map((r) => r.id), termIds: rows.map((r) => r.acceptance_term_id), fileIds, ip: o.ip, unblocked },
        at: o.now,
      });
      return { contractId: o.contractId, termIds: rows.map((r) => r.acceptance_term_id), fileIds };
    });
  } catch (error) {
    // Same bytes may have been committed meanwhile by another request: keep those.
    const paths = stored.filter((f) => f.created).map((f) => f.storagePath);
    const kept = paths.length === 0 ? [] : await db.selectFrom('files').select('storage_path').where('storage_path', 'in', paths).execute();
    await discardCreated(o.dataDir, stored.filter((f) => !kept.some((k) => k.storage_path === f.storagePath)));
    throw error;
  }
}
