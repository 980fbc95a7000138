import type { JsonFormsCellRendererRegistryEntry, JsonFormsRendererRegistryEntry, JsonSchema, Layout, UISchemaElement } from '@jsonforms/core';
import { useDeferredValue } from 'react';
import { JsonFormsDispatch } from '@jsonforms/react';

export interface LayoutChildrenProps {
  elements: UISchemaElement[];
  schema: JsonSchema;
  path: string;
  enabled: boolean;
  renderers?: JsonFormsRendererRegistryEntry[] | undefined;
  cells?: JsonFormsCellRendererRegistryEntry[] | undefined;
}

/** Children rendered in the first pass; the rest follow in an interruptible background render. */
export const FIRST_BATCH = 30;

/**
 * Dispatches each child element back to the renderer registry. A long form paints its first fields at
 * once and renders the rest as a deferred (time-sliced) update, so a phone can scroll and type while
 * field 150 is still being built.
 */
export function LayoutChildren({ elements, schema, path, enabled, renderers, cells }: LayoutChildrenProps) {
  const shown = useDeferredValue(elements.length, Math.min(elements.length, FIRST_BATCH));
  return (
    <>
      {elements.slice(0, shown).map((child, index) => (
        <JsonFormsDispatch key={`${path}-${index}`} uischema={child} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
      ))}
    </>
  );
}

export const elementsOf = (uischema: UISchemaElement): UISchemaElement[] => (uischema as Layout).elements ?? [];
