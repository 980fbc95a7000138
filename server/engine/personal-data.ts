/**
 * Who sees personal data (fields marked `"x-personal": true` in a form's JSON Schema: names of private
 * persons, phone numbers, ID numbers, home addresses) in clear, decided here for every instance view and
 * every form submission the API returns. Everyone else who may read the record sees `***`.
 *
 * In clear:
 * - the person who entered it (the resident who ordered, a proxy orderer for the orders they placed, a
 *   volunteer for their own registration);
 * - the admins of the unit and of every unit above it (station → institute → district admin): they
 *   triage, dispatch and call back;
 * - the person the workflow has committed the work to, i.e. a user named by a `users: "vars.…"` task
 *   assignee (the team leader once they accepted: `vars.teamLeaderId`), not someone merely offered it;
 * - the server itself (timers, workers).
 * Masked: proxy orderers for others' orders, assessors, district leaders (they read aggregates),
 * volunteers, team leaders browsing a pool or holding a directed offer they have not accepted.
 */
import type { FormDefinition } from '../../runtime/schema/form';
import type { Actor } from '../auth/actor';
import { adminRoles } from '../auth/roles';
import type { InstanceView } from '../presenters/instance-presenter';
import { maskPersonal } from '../util/personal-data';
import type { WorkflowDefinition } from './port';

export interface PersonalDataSubject {
  /** The record's unit path. */
  orgPath: string;
  /** Who entered it (instance initiator, submitter). */
  owner: string;
  /** Users the record's workflow has committed work to. */
  committed?: readonly string[];
}

export function seesPersonalData(actor: Actor, subject: PersonalDataSubject): boolean {
  if (actor.system || subject.owner === actor.userId) return true;
  // OrgScope.coversFor(orgPath, adminRoles), without building the actor's whole scope (its roots and
  // teams) for every instance view a command returns.
  if (actor.memberships.some((m) => adminRoles.has(m.role) && subject.orgPath.startsWith(m.orgPath))) return true;
  return subject.committed?.includes(actor.userId) ?? false;
}

const variableAssignee = /^\s*vars\.([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/** The users an instance's variables name as personal assignees of one of its states' tasks. */
export function committedUsers(definition: WorkflowDefinition, vars: Record<string, unknown>): string[] {
  const users: string[] = [];
  for (const name of assigneeVariables(definition)) {
    const value = vars[name];
    for (const user of Array.isArray(value) ? value : [value]) if (typeof user === 'string' && user.length > 0) users.push(user);
  }
  return users;
}

// Per definition object (a published version never changes, and the cache holds each parsed version):
// every instance view asked, and walking all states' assignees each time showed in command profiles.
const variablesByDefinition = new WeakMap<WorkflowDefinition, readonly string[]>();

/** The variables named by `users: "vars.…"` task assignees, in state and assignee order. */
function assigneeVariables(definition: WorkflowDefinition): readonly string[] {
  let names = variablesByDefinition.get(definition);
  if (names === undefined) {
    const found: string[] = [];
    for (const state of Object.values(definition.states)) {
      for (const assignee of state.task?.assignees ?? []) {
        const expression = (assignee as { users?: unknown }).users;
        const name = typeof expression === 'string' ? variableAssignee.exec(expression)?.[1] : undefined;
        if (name !== undefined) found.push(name);
      }
    }
    names = found;
    variablesByDefinition.set(definition, names);
  }
  return names;
}

type FormLookup = (key: string, version?: number) => FormDefinition | undefined;

/** The view as `actor` may see it: unchanged when they see personal data, masked otherwise. */
export function instanceViewFor(actor: Actor, view: InstanceView, orgPath: string, definition: WorkflowDefinition | undefined, forms: FormLookup): InstanceView {
  const committed = definition === undefined ? [] : committedUsers(definition, view.vars);
  if (seesPersonalData(actor, { orgPath, owner: view.createdBy, committed })) return view;
  if (definition === undefined) return { ...view, input: {}, data: {} };
  return maskInstanceView(view, definition, forms);
}

/**
 * The instance with fields marked `x-personal` in the start form and in each transition's form masked,
 * in the input and in the data stored per event.
 */
export function maskInstanceView(view: InstanceView, definition: WorkflowDefinition, forms: FormLookup): InstanceView {
  const startSchema = definition.start.form === undefined ? definition.start.schema : forms(definition.start.form)?.schema;
  const schemaOfEvent = new Map<string, unknown>();
  for (const state of Object.values(definition.states)) {
    for (const transition of state.transitions) {
      if (transition.form !== undefined) schemaOfEvent.set(transition.event, forms(transition.form)?.schema);
    }
  }
  const data: Record<string, unknown> = {};
  for (const [event, value] of Object.entries(view.data)) data[event] = maskPersonal(schemaOfEvent.get(event), value);
  return { ...view, input: maskPersonal(startSchema, view.input) as Record<string, unknown>, data };
}
