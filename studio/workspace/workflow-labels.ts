import type { WorkflowDefinition } from '../../runtime/schema/workflow';
import type { Locale, Translate } from '../i18n';
import { workspaceApi } from './workspace-api';
import { pick, primitiveLabel } from './text';

export interface WorkflowLabels {
  title: string;
  state(state: string): string;
  event(event: string): string;
  /** The form a transition asks for, when the server's action did not say. */
  formOf(event: string, state?: string): string | undefined;
}

const cache = new Map<string, Promise<WorkflowDefinition>>();

/** Each workflow version is fetched once per page load: published versions never change. */
export function loadWorkflow(key: string, version?: number): Promise<WorkflowDefinition> {
  const id = `${key}@${version ?? 'latest'}`;
  let found = cache.get(id);
  if (!found) {
    found = workspaceApi()
      .workflow(key, version)
      .then((stored) => stored.body);
    found.catch(() => cache.delete(id));
    cache.set(id, found);
  }
  return found;
}

export function workflowLabels(definition: WorkflowDefinition | undefined, locale: Locale, t: Translate): WorkflowLabels {
  // Bodies come from the API as stored JSON, so defaults the zod schema would fill (transitions: []) may be absent.
  const states = definition?.states ?? {};
  return {
    title: pick(definition?.title, locale, definition?.key ?? ''),
    state: (state) => pick(states[state]?.title, locale, state),
    event(event) {
      for (const spec of Object.values(states)) {
        const transition = (spec.transitions ?? []).find((tr) => tr.event === event && tr.title);
        if (transition?.title) return pick(transition.title, locale, event);
      }
      return primitiveLabel(event, t) ?? event;
    },
    formOf(event, state) {
      const specs = state && states[state] ? [states[state]] : Object.values(states);
      for (const spec of specs) {
        const transition = (spec?.transitions ?? []).find((tr) => tr.event === event && tr.form);
        if (transition?.form) return transition.form;
      }
      return undefined;
    },
  };
}
