import type { JsonFormsCellRendererRegistryEntry, JsonFormsRendererRegistryEntry, JsonSchema, Layout, UISchemaElement } from '@jsonforms/core';
import { JsonFormsDispatch } from '@jsonforms/react';

export interface LayoutChildrenProps {
  elements: UISchemaElement[];
  schema: JsonSchema;
  path: string;
  enabled: boolean;
  renderers?: JsonFormsRendererRegistryEntry[] | undefined;
  cells?: JsonFormsCellRendererRegistryEntry[] | undefined;
}

/** Dispatches each child element back to the renderer registry. */
export function LayoutChildren({ elements, schema, path, enabled, renderers, cells }: LayoutChildrenProps) {
  return (
    <>
      {elements.map((child, index) => (
        <JsonFormsDispatch key={`${path}-${index}`} uischema={child} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
      ))}
    </>
  );
}

export const elementsOf = (uischema: UISchemaElement): UISchemaElement[] => (uischema as Layout).elements ?? [];
