import { existsSync, readFileSync } from 'node:fs';
import { attachmentFile, writeAttachmentFile } from '../../attachments/files';
import { appendAudit } from '../../db/repositories/audit-repository';
import { OrgScope } from '../../db/scope';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { newId } from '../../util/ids';
import { attachmentTypes, downloadRoute, uploadRoute } from './schema';

/** Leading bytes of each accepted type: a declared type the bytes contradict is refused (415). */
const signatures: Record<(typeof attachmentTypes)[number], (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((value, index) => b[index] === value),
  'image/webp': (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
  'application/pdf': (b) => String.fromCharCode(...b.slice(0, 5)) === '%PDF-',
};

function isAccepted(mime: string): mime is (typeof attachmentTypes)[number] {
  return (attachmentTypes as readonly string[]).includes(mime);
}

export const attachmentRoutes = newRouter()
  .openapi(uploadRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const mime = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!isAccepted(mime)) throw problems.unsupportedMediaType(`Send one of ${attachmentTypes.join(', ')}.`);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw problems.validation([{ pointer: '', code: 'empty', message: 'The file is empty.' }]);
    if (!signatures[mime](bytes)) throw problems.unsupportedMediaType(`The bytes are not ${mime}.`);
    const hash = writeAttachmentFile(deps.database.dataDir, bytes);
    const { fileName, orgUnitId } = c.req.valid('query');
    if (orgUnitId !== undefined) {
      // The unit decides who may read the file later, so only someone at or above it may file it there.
      const unit = await deps.database.db.selectFrom('org_units').select('path').where('id', '=', orgUnitId).executeTakeFirst();
      const member = actor.memberships.some((m) => m.orgUnitId === orgUnitId);
      if (unit === undefined || (!new OrgScope(actor).covers(unit.path) && !member)) throw problems.forbidden('You may attach files only to units you work at.');
    }
    const at = deps.clock().toISOString();
    const row = { id: newId(), sha256: hash, mime, size: bytes.length, file_name: fileName ?? null, org_unit_id: orgUnitId ?? null, uploaded_by: actor.userId, uploaded_at: at };
    await deps.database.db.transaction().execute(async (trx) => {
      await trx.insertInto('attachments').values(row).execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'attachment.upload', targetType: 'attachment', targetId: row.id, beforeHash: null, afterHash: hash, at });
    });
    return c.json({ id: row.id, sha256: hash, mime, size: row.size, fileName: row.file_name, uploadedAt: at }, 201);
  })
  .openapi(downloadRoute, async (c) => {
    const actor = requireActor(c);
    const deps = c.get('deps');
    const db = deps.database.db;
    const row = await db.selectFrom('attachments').selectAll().where('id', '=', c.req.valid('param').id).executeTakeFirst();
    // A file filed under a unit is read by its uploader, the unit's members and those overseeing the unit;
    // anyone else gets the same 404 as for an id that does not exist. A file without a unit (a team's
    // completion photo, shown to whoever reads the order) is read by id alone: ids carry 74 random bits.
    const unit = row?.org_unit_id == null ? undefined : await db.selectFrom('org_units').select('path').where('id', '=', row.org_unit_id).executeTakeFirst();
    const readable =
      row !== undefined &&
      (row.org_unit_id === null || row.uploaded_by === actor.userId || actor.system || actor.memberships.some((m) => m.orgUnitId === row.org_unit_id) || (unit !== undefined && new OrgScope(actor).covers(unit.path)));
    const file = row === undefined ? undefined : attachmentFile(deps.database.dataDir, row.sha256);
    if (row === undefined || !readable || file === undefined || !existsSync(file)) throw problems.notFound('attachment');
    return new Response(readFileSync(file), {
      status: 200,
      headers: { 'content-type': row.mime, 'content-length': String(row.size), 'content-disposition': 'inline', 'cache-control': 'private, max-age=31536000, immutable' },
    });
  });
