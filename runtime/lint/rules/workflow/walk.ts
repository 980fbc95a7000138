import type { AllowRule, EffectSpec, StateSpec, Transition, WorkflowDefinition } from '../../../schema/workflow';

/** Where a workflow writes things, with JSON pointers, so each rule file stays a few lines of checks. */
export interface Site<T> {
  pointer: string;
  value: T;
  state?: string;
  transition?: Transition;
}

type RuleLike = AllowRule | { role: string; at?: unknown; unit?: string | undefined; when?: string | undefined } | { assignees: true };

export function states(definition: WorkflowDefinition): [string, StateSpec][] {
  return Object.entries(definition.states);
}

export function transitions(definition: WorkflowDefinition): Site<Transition>[] {
  return states(definition).flatMap(([key, state]) =>
    state.transitions.map((transition, index) => ({ pointer: `/states/${key}/transitions/${index}`, value: transition, state: key, transition })),
  );
}

function effectRules(effects: readonly EffectSpec[], base: string, state?: string, transition?: Transition): Site<RuleLike>[] {
  return effects.flatMap((effect, e) => ('notify' in effect ? effect.notify.to.map((rule, r) => ({ pointer: `${base}/${e}/notify/to/${r}`, value: rule as RuleLike, ...(state ? { state } : {}), ...(transition ? { transition } : {}) })) : []));
}

/** Every person/allow rule, with where it is. */
export function rules(definition: WorkflowDefinition): Site<RuleLike>[] {
  const sites: Site<RuleLike>[] = definition.start.allow.map((rule, i) => ({ pointer: `/start/allow/${i}`, value: rule }));
  sites.push(...effectRules(definition.start.effects, '/start/effects'));
  for (const [key, state] of states(definition)) {
    const at = `/states/${key}`;
    const task = state.task;
    if (task) {
      task.assignees.forEach((rule, i) => sites.push({ pointer: `${at}/task/assignees/${i}`, value: rule, state: key }));
      if (task.pool) sites.push({ pointer: `${at}/task/pool`, value: task.pool, state: key });
      if (typeof task.onEmpty === 'object') sites.push({ pointer: `${at}/task/onEmpty`, value: task.onEmpty, state: key });
      task.remind?.allow.forEach((rule, i) => sites.push({ pointer: `${at}/task/remind/allow/${i}`, value: rule, state: key }));
    }
    state.cc.forEach((rule, i) => sites.push({ pointer: `${at}/cc/${i}`, value: rule, state: key }));
    state.withdraw?.allow.forEach((rule, i) => sites.push({ pointer: `${at}/withdraw/allow/${i}`, value: rule, state: key }));
    state.sendBack?.allow.forEach((rule, i) => sites.push({ pointer: `${at}/sendBack/allow/${i}`, value: rule, state: key }));
    state.transitions.forEach((transition, t) => {
      transition.allow.forEach((rule, i) => sites.push({ pointer: `${at}/transitions/${t}/allow/${i}`, value: rule, state: key, transition }));
      sites.push(...effectRules(transition.effects, `${at}/transitions/${t}/effects`, key, transition));
    });
  }
  return sites;
}

export type Expected = 'bool' | 'number' | 'string' | 'list' | 'any';

/** Every expression, with the type it must have and the transition whose form it may read. */
export function expressions(definition: WorkflowDefinition): Site<{ source: string; expected: Expected }>[] {
  const sites: Site<{ source: string; expected: Expected }>[] = [];
  const push = (pointer: string, source: string | undefined, expected: Expected, state?: string, transition?: Transition) => {
    if (source !== undefined) sites.push({ pointer, value: { source, expected }, ...(state ? { state } : {}), ...(transition ? { transition } : {}) });
  };
  for (const site of rules(definition)) {
    const rule = site.value;
    if ('when' in rule) push(`${site.pointer}/when`, rule.when, 'bool', site.state, site.transition);
    if ('unit' in rule) push(`${site.pointer}/unit`, rule.unit, 'string', site.state, site.transition);
    if ('users' in rule) push(`${site.pointer}/users`, rule.users, 'any', site.state, site.transition);
  }
  const effectExpressions = (effects: readonly EffectSpec[], base: string, state?: string, transition?: Transition) =>
    effects.forEach((effect, e) => {
      const data = 'notify' in effect ? effect.notify.data : 'webhook' in effect ? effect.webhook.data : effect.record.data;
      const name = 'notify' in effect ? 'notify' : 'webhook' in effect ? 'webhook' : 'record';
      for (const [field, source] of Object.entries(data ?? {})) push(`${base}/${e}/${name}/data/${field}`, source, 'any', state, transition);
    });
  effectExpressions(definition.start.effects, '/start/effects');
  for (const [key, state] of states(definition)) {
    state.timers.forEach((timer, i) => {
      push(`/states/${key}/timers/${i}/from`, timer.from, 'string', key);
      const timings = Array.isArray(timer.after) ? timer.after.map((t, j) => [t, `/after/${j}`] as const) : [[timer.after, '/after'] as const];
      for (const [timing, path] of timings) push(`/states/${key}/timers/${i}${path}/when`, timing.when, 'bool', key);
    });
    state.transitions.forEach((transition, t) => {
      const at = `/states/${key}/transitions/${t}`;
      push(`${at}/guard`, transition.guard, 'bool', key, transition);
      for (const [name, source] of Object.entries(transition.set ?? {})) push(`${at}/set/${name}`, source, 'any', key, transition);
      effectExpressions(transition.effects, `${at}/effects`, key, transition);
    });
  }
  return sites;
}
