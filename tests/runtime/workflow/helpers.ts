import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HolidayCalendar } from '../../../runtime/calendar';
import { FormDefinition } from '../../../runtime/schema/form';
import { WorkflowDefinition } from '../../../runtime/schema/workflow';
import type { OrgLevel } from '../../../runtime/schema/station-type';
import { applyCommand, replay, startInstance } from '../../../runtime/workflow/index';
import type { Actor, Command, Outcome, WorkflowContext, WorkflowInstance } from '../../../runtime/workflow/index';

const root = join(import.meta.dirname, '../../..');

export const cn2026 = JSON.parse(readFileSync(join(root, 'runtime/workflow/calendars/cn-mainland-2026.json'), 'utf8')) as HolidayCalendar;

const forms = new Map<string, FormDefinition>();
for (const file of readdirSync(join(root, 'definitions/liangzhou/forms'))) {
  const form = FormDefinition.parse(JSON.parse(readFileSync(join(root, 'definitions/liangzhou/forms', file), 'utf8')));
  forms.set(form.key, form);
}

/** A pack workflow, parsed by its zod schema (so defaults apply as in production). */
export function packWorkflow(key: 'five-order' | 'assessment'): WorkflowDefinition {
  return WorkflowDefinition.parse(JSON.parse(readFileSync(join(root, `definitions/liangzhou/workflows/${key}.json`), 'utf8')));
}

export function workflow(json: unknown): WorkflowDefinition {
  return WorkflowDefinition.parse(json);
}

/** Center c1 → institute i1 → station s1 (and a sibling station s2); teams t1, t2. */
const holders: Record<string, string[]> = {
  'stationAdmin@s1': ['sa1'],
  'stationAdmin@s2': ['sa2'],
  'instituteAdmin@i1': ['ia1'],
  'districtAdmin@c1': ['da1'],
  'districtLeader@c1': ['dl1'],
  'teamLeader@t1': ['tl1'],
  'teamLeader@t2': ['tl2'],
  'proxyOrderer@s1': ['po1'],
};
export const ancestors: { id: string; level: OrgLevel }[] = [
  { id: 's1', level: 'station' },
  { id: 'i1', level: 'institute' },
  { id: 'c1', level: 'center' },
];

export const actors = {
  resident: { id: 'r1', roles: [{ role: 'resident' }] },
  resident2: { id: 'r2', roles: [{ role: 'resident' }] },
  stationAdmin: { id: 'sa1', roles: [{ role: 'stationAdmin', unitId: 's1' }] },
  otherStationAdmin: { id: 'sa2', roles: [{ role: 'stationAdmin', unitId: 's2' }] },
  instituteAdmin: { id: 'ia1', roles: [{ role: 'instituteAdmin', unitId: 'i1' }] },
  districtAdmin: { id: 'da1', roles: [{ role: 'districtAdmin', unitId: 'c1' }] },
  districtLeader: { id: 'dl1', roles: [{ role: 'districtLeader', unitId: 'c1' }] },
  teamLeader1: { id: 'tl1', roles: [{ role: 'teamLeader', unitId: 't1' }] },
  teamLeader2: { id: 'tl2', roles: [{ role: 'teamLeader', unitId: 't2' }] },
  proxy: { id: 'po1', roles: [{ role: 'proxyOrderer', unitId: 's1' }] },
  volunteer: { id: 'v1', roles: [{ role: 'volunteer' }] },
  assessor1: { id: 'as1', roles: [{ role: 'assessor', unitId: 'c1' }] },
  assessor2: { id: 'as2', roles: [{ role: 'assessor', unitId: 'c1' }] },
  assessor3: { id: 'as3', roles: [{ role: 'assessor', unitId: 'c1' }] },
  system: { id: 'system', roles: [] },
} satisfies Record<string, Actor>;

export function context(now: string, extra: Partial<WorkflowContext> = {}): WorkflowContext {
  return {
    now,
    org: { ancestors, holders: (role, unit) => holders[`${role}@${unit}`] ?? [] },
    forms: (key) => forms.get(key),
    calendar: cn2026,
    ...extra,
  };
}

/** A small driver that threads the instance through commands and keeps every outcome. */
export class Driver {
  instance: WorkflowInstance;
  last: Outcome;
  constructor(
    readonly definition: WorkflowDefinition,
    public now: string,
    start: { actor: Actor; input?: Record<string, unknown>; unit?: string; id?: string },
    readonly extra: Partial<WorkflowContext> = {},
  ) {
    this.last = startInstance(definition, { id: start.id ?? 'i-1', unit: start.unit ?? 's1', actor: start.actor, ...(start.input ? { input: start.input } : {}) }, this.ctx());
    if (!this.last.ok) throw new Error(`start rejected: ${JSON.stringify(this.last.rejection)}`);
    this.instance = this.last.instance;
  }
  ctx(): WorkflowContext {
    return context(this.now, this.extra);
  }
  at(now: string): this {
    this.now = now;
    return this;
  }
  /** Applies a command; keeps the new instance when accepted. */
  send(event: string, actor: Actor, more: Partial<Command> = {}): Outcome {
    this.last = applyCommand(this.definition, this.instance, { event, actor, ...more }, this.ctx());
    if (this.last.ok) this.instance = this.last.instance;
    return this.last;
  }
  /** Like send, but fails the test when the command is refused. */
  ok(event: string, actor: Actor, more: Partial<Command> = {}): WorkflowInstance {
    const outcome = this.send(event, actor, more);
    if (!outcome.ok) throw new Error(`${event} by ${actor.id} rejected: ${JSON.stringify(outcome.rejection)}`);
    return outcome.instance;
  }
  /** Fires a pending timer as the system. */
  timer(key: string): Outcome {
    return this.send('timer', actors.system, { timer: key });
  }
  /** Folds the instance's history (tests compare the result with the instance). */
  replayed(): WorkflowInstance {
    const folded = replay(this.definition, { id: this.instance.id, unit: this.instance.unit }, this.instance.history, this.ctx());
    if (!folded.ok) throw new Error(`replay refused: ${JSON.stringify(folded.rejection)}`);
    return folded.instance;
  }
  code(): string | undefined {
    return this.last.ok ? undefined : this.last.rejection.code;
  }
  effects() {
    return this.last.ok ? this.last.effects : [];
  }
}
