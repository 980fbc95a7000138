import type { JsonFormsCellRendererRegistryEntry, JsonFormsRendererRegistryEntry, JsonSchema, Layout, UISchemaElement } from '@jsonforms/core';
import { startTransition, useEffect, useState } from 'react';
import { JsonFormsDispatch } from '@jsonforms/react';

export interface LayoutChildrenProps {
  elements: UISchemaElement[];
  schema: JsonSchema;
  path: string;
  enabled: boolean;
  renderers?: JsonFormsRendererRegistryEntry[] | undefined;
  cells?: JsonFormsCellRendererRegistryEntry[] | undefined;
}

/** Children rendered in the first pass; the rest follow in batches of this size. */
export const FIRST_BATCH = 30;

/**
 * Dispatches each child element back to the renderer registry. A long form paints its first fields at
 * once and adds the rest in small transitions between which the browser paints and handles input, so
 * a phone can scroll and type while field 150 is still being built. (One deferred render of everything
 * would end in one long commit that blocks the page.)
 */
export function LayoutChildren({ elements, schema, path, enabled, renderers, cells }: LayoutChildrenProps) {
  const [shown, setShown] = useState(() => Math.min(elements.length, FIRST_BATCH));
  useEffect(() => {
    if (shown >= elements.length) return;
    const next = setTimeout(() => startTransition(() => setShown((n) => Math.min(elements.length, n + FIRST_BATCH))), 0);
    return () => clearTimeout(next);
  }, [shown, elements.length]);
  return (
    <>
      {elements.slice(0, shown).map((child, index) => (
        <JsonFormsDispatch key={`${path}-${index}`} uischema={child} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
      ))}
    </>
  );
}

export const elementsOf = (uischema: UISchemaElement): UISchemaElement[] => (uischema as Layout).elements ?? [];
