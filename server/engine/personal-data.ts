import type { FormDefinition } from '../../runtime/schema/form';
import type { InstanceView } from '../presenters/instance-presenter';
import { maskPersonal } from '../util/personal-data';
import type { WorkflowDefinition } from './port';

/**
 * The instance as someone who may see it but does not take part in it sees it (a team leader browsing a
 * pool before claiming): fields marked `x-personal` in the start form and in each transition's form are
 * masked, in the input and in the data stored per event.
 */
export function maskInstanceView(view: InstanceView, definition: WorkflowDefinition, forms: (key: string, version?: number) => FormDefinition | undefined): InstanceView {
  const startSchema = definition.start.form === undefined ? definition.start.schema : forms(definition.start.form)?.schema;
  const formOfEvent = new Map<string, string>();
  for (const state of Object.values(definition.states)) {
    for (const transition of state.transitions) if (transition.form !== undefined) formOfEvent.set(transition.event, transition.form);
  }
  const data: Record<string, unknown> = {};
  for (const [event, value] of Object.entries(view.data)) {
    const form = formOfEvent.get(event);
    data[event] = form === undefined ? value : maskPersonal(forms(form)?.schema, value);
  }
  return { ...view, input: maskPersonal(startSchema, view.input) as Record<string, unknown>, data };
}
