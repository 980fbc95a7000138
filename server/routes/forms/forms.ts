import { validateFormData } from '../../../runtime/form/index';
import { definitionSchemas } from '../../../runtime/schema/kinds';
import { appendAudit } from '../../db/repositories/audit-repository';
import { findDefinition, findLatestPublished } from '../../db/repositories/definition-repository';
import { OrgScope } from '../../db/scope';
import { seesPersonalData } from '../../engine/personal-data';
import { problems } from '../../errors';
import { requireActor } from '../../http/env';
import { newRouter } from '../../http/router';
import { sha256 } from '../../util/canonical-json';
import { newId } from '../../util/ids';
import { maskPersonal } from '../../util/personal-data';
import { listSubmissionsRoute, submitFormRoute } from './schema';

export const formRoutes = newRouter()
  .openapi(submitFormRoute, async (c) => {
    const actor = requireActor(c);
    const { key } = c.req.valid('param');
    const body = c.req.valid('json');
    const deps = c.get('deps');
    const at = deps.clock().toISOString();
    const submission = await deps.database.db.transaction().execute(async (trx) => {
      const row = body.version === undefined ? await findLatestPublished(trx, 'form', key) : await findDefinition(trx, 'form', key, body.version);
      if (row === undefined || row.status === 'draft') throw problems.notFound('published form');
      const unit = await trx.selectFrom('org_units').select(['id', 'path', 'active']).where('id', '=', body.orgUnitId).executeTakeFirst();
      if (unit === undefined || unit.active !== 1) throw problems.notFound('org unit');
      const scope = new OrgScope(actor);
      if (!scope.covers(unit.path) && !actor.memberships.some((m) => m.orgUnitId === unit.id)) throw problems.forbidden('You may submit forms only at your own units.');
      const form = definitionSchemas.form.parse(JSON.parse(row.body));
      const issues = validateFormData(form, body.data);
      if (issues.length > 0) {
        throw problems.validation(issues.map((issue) => ({ pointer: `/data${issue.pointer}`, code: issue.code, message: issue.message.en === undefined ? issue.message['zh-CN'] : `${issue.message['zh-CN']} / ${issue.message.en}` })));
      }
      const stored = { id: newId(), form_key: key, form_version: row.version, org_unit_id: unit.id, org_path: unit.path, instance_id: null, data: JSON.stringify(body.data), submitted_by: actor.userId, submitted_at: at, version: 1 };
      await trx.insertInto('form_submissions').values(stored).execute();
      await appendAudit(trx, { actorId: actor.userId, action: 'form.submit', targetType: 'formSubmission', targetId: stored.id, beforeHash: null, afterHash: sha256(stored.data), at });
      return stored;
    });
    return c.json({ id: submission.id, formKey: key, formVersion: submission.form_version, orgUnitId: submission.org_unit_id, submittedBy: submission.submitted_by, submittedAt: at, data: body.data }, 201);
  })
  .openapi(listSubmissionsRoute, async (c) => {
    const actor = requireActor(c);
    const scope = new OrgScope(actor);
    const { key } = c.req.valid('param');
    const { cursor, limit } = c.req.valid('query');
    const db = c.get('deps').database.db;
    let query = db
      .selectFrom('form_submissions')
      .selectAll()
      .where('form_key', '=', key)
      .where((eb) => eb.or([scope.subtree('form_submissions.org_path'), eb('submitted_by', '=', actor.userId)]));
    if (cursor !== undefined) query = query.where('id', '<', cursor);
    const rows = await query.orderBy('id', 'desc').limit(limit + 1).execute();
    const forms = new Map<number, unknown>();
    const items = [];
    for (const row of rows.slice(0, limit)) {
      if (!forms.has(row.form_version)) forms.set(row.form_version, JSON.parse((await findDefinition(db, 'form', key, row.form_version))?.body ?? '{}').schema);
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const sees = seesPersonalData(actor, { orgPath: row.org_path, owner: row.submitted_by });
      items.push({
        id: row.id,
        formKey: row.form_key,
        formVersion: row.form_version,
        orgUnitId: row.org_unit_id,
        submittedBy: row.submitted_by,
        submittedAt: row.submitted_at,
        data: sees ? data : (maskPersonal(forms.get(row.form_version), data) as Record<string, unknown>),
      });
    }
    return c.json({ items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null }, 200);
  });
