import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/types';
import type { AvailableAction, WorkflowInstance } from './port';

/** Primitives whose target is a person: whom to hand the task to (转交), add as a signer (加签), copy (抄送). */
const PERSON_PICKS = new Set(['transfer', 'addSigner', 'cc']);
/** Roles that do not take approval steps: a resident or a volunteer is never offered as a colleague. */
const NOT_STAFF = ['resident', 'volunteer'];

export type ActionWithCandidates = AvailableAction & { candidates?: { userId: string; name: string }[] };

/**
 * The people an action that targets a person may pick, so nobody types a user id: those who hold a staff
 * role at a unit where one of the step's signers holds the same role (another assessor of the district for
 * an assessor's review, another station admin for a station's step), active, not already signing. The
 * engine still decides whether the pick is allowed. Actions without a person target pass unchanged, so
 * steps without 转交/加签/抄送 (the five-order flow's) cost no query.
 */
export async function withCandidates(db: Kysely<Database>, instance: WorkflowInstance, actions: AvailableAction[]): Promise<ActionWithCandidates[]> {
  if (!actions.some((action) => PERSON_PICKS.has(action.event))) return actions;
  const signers = instance.task?.assignees ?? [];
  const candidates =
    signers.length === 0
      ? []
      : await db
          .selectFrom('role_memberships as held')
          .innerJoin('users', 'users.id', 'held.user_id')
          .select(['users.id as userId', 'users.display_name as name'])
          .distinct()
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('role_memberships as signer')
                .select('signer.id')
                .where('signer.user_id', 'in', signers)
                .whereRef('signer.role', '=', 'held.role')
                .whereRef('signer.org_unit_id', '=', 'held.org_unit_id'),
            ),
          )
          .where('held.role', 'not in', NOT_STAFF)
          .where('users.id', 'not in', signers)
          .where(sql<SqlBool>`users.active = 1`)
          .orderBy('users.display_name')
          .limit(200)
          .execute();
  return actions.map((action) => (PERSON_PICKS.has(action.event) ? { ...action, candidates } : action));
}
