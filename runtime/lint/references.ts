import type { DefinitionKind } from '../schema/kinds';
import { escapeToken } from './pointer';
import type { ParsedDefinition } from './types';

/** One place where a definition names another by key. */
export interface Reference {
  /** Where the key is written in the referencing document. */
  pointer: string;
  kind: DefinitionKind;
  key: string;
}

type ReferenceExtractor<K extends DefinitionKind> = (definition: ParsedDefinition<K>['definition']) => Reference[];

const each = (kind: DefinitionKind, field: string, keys: readonly string[]): Reference[] =>
  keys.map((key, index) => ({ pointer: `/${field}/${index}`, kind, key }));

const one = (kind: DefinitionKind, field: string, key: string | undefined): Reference[] =>
  key === undefined ? [] : [{ pointer: `/${field}`, kind, key }];

/**
 * Where each kind refers to others. Exhaustive over the kinds, so a new kind must say what it references;
 * `unresolved-reference` and `bundle-inconsistent` both read this one table. A workflow's own references
 * (its forms) are resolved by the workflow rule set; they are listed here so a bundle must hold them too.
 * Rubrics name metrics of the registry, not other definitions.
 */
export const referenceExtractors: { [K in DefinitionKind]: ReferenceExtractor<K> } = {
  serviceItem: (item) => [
    ...one('serviceCategory', 'category', item.category),
    ...one('form', 'orderForm', item.orderForm),
    ...one('workflow', 'workflow', item.workflow),
    ...each('teamType', 'providerTeamTypes', item.providerTeamTypes),
  ],
  stationType: (type) => [
    ...each('functionRoom', 'requiredRooms', type.requiredRooms),
    ...each('functionRoom', 'optionalRooms', type.optionalRooms),
    ...one('rubric', 'rubric', type.rubric),
    ...one('form', 'profileForm', type.profileForm),
  ],
  teamType: (team) => [
    ...each('serviceCategory', 'serviceCategories', team.serviceCategories),
    ...one('form', 'registrationForm', team.registrationForm),
  ],
  functionRoom: () => [],
  serviceCategory: () => [],
  form: () => [],
  workflow: (flow) => [
    ...one('form', 'start/form', flow.start.form),
    ...Object.entries(flow.states).flatMap(([name, state]) => {
      const at = `states/${escapeToken(name)}`;
      return [
        ...state.transitions.flatMap((transition, index) => one('form', `${at}/transitions/${index}/form`, transition.form)),
        ...one('form', `${at}/sendBack/form`, state.sendBack?.form),
      ];
    }),
  ],
  rubric: () => [],
  bundle: () => [],
};

/** The references a parsed definition makes, whatever its kind. */
export function referencesOf(parsed: ParsedDefinition): Reference[] {
  const extract = referenceExtractors[parsed.kind] as ReferenceExtractor<DefinitionKind>;
  return extract(parsed.definition);
}
