import {
  and,
  isBooleanControl,
  isCategorization,
  isDateControl,
  isIntegerControl,
  isNumberControl,
  isObjectArrayControl,
  isObjectControl,
  optionIs,
  or,
  rankWith,
  schemaMatches,
  uiTypeIs,
  type JsonSchema,
} from '@jsonforms/core';
import { isEnumLike } from './enum-options';

/*
 * The testers of the renderers that load on demand (index.ts): JSON Forms picks a renderer synchronously,
 * so these live apart from the components and their widgets, and a form that never needs a renderer never
 * downloads it.
 */

export function itemsOf(schema: JsonSchema | undefined): JsonSchema | undefined {
  const items = schema?.items;
  return items && !Array.isArray(items) && typeof items === 'object' ? (items as JsonSchema) : undefined;
}

export const arrayTableControlTester = rankWith(3, isObjectArrayControl);
export const booleanControlTester = rankWith(2, isBooleanControl);
export const categorizationLayoutTester = rankWith(1, isCategorization);
export const dateControlTester = rankWith(2, isDateControl);
export const integerControlTester = rankWith(1, isIntegerControl);
export const numberControlTester = rankWith(1, isNumberControl);
export const objectControlTester = rankWith(2, isObjectControl);

export const multiEnumControlTester = rankWith(
  4,
  and(
    uiTypeIs('Control'),
    schemaMatches((schema) => schema.type === 'array' && isEnumLike(itemsOf(schema))),
  ),
);

export const ratingControlTester = rankWith(
  3,
  and(
    isIntegerControl,
    or(
      optionIs('format', 'rating'),
      schemaMatches((schema) => schema.format === 'rating'),
    ),
  ),
);

export const tagsControlTester = rankWith(
  3,
  and(
    uiTypeIs('Control'),
    schemaMatches((schema) => {
      const items = itemsOf(schema);
      return schema.type === 'array' && !!items && ['string', 'number', 'integer'].includes(String(items.type)) && !isEnumLike(items);
    }),
  ),
);
