import type { JsonSchemaNode } from './schema-nav';

// One chunk per kind: the workflow schema alone is 70 KB and a rubric author never needs it.
const loaders: Record<string, () => Promise<{ default: unknown }>> = {
  bundle: () => import('../../../definitions/schemas/bundle.schema.json'),
  form: () => import('../../../definitions/schemas/form.schema.json'),
  functionRoom: () => import('../../../definitions/schemas/functionRoom.schema.json'),
  rubric: () => import('../../../definitions/schemas/rubric.schema.json'),
  serviceCategory: () => import('../../../definitions/schemas/serviceCategory.schema.json'),
  serviceItem: () => import('../../../definitions/schemas/serviceItem.schema.json'),
  stationType: () => import('../../../definitions/schemas/stationType.schema.json'),
  teamType: () => import('../../../definitions/schemas/teamType.schema.json'),
  workflow: () => import('../../../definitions/schemas/workflow.schema.json'),
};

/** The published JSON Schema of a definition kind (definitions/schemas, `npm run schemas`), or undefined for an unknown kind. */
export async function loadJsonSchema(kind: string): Promise<JsonSchemaNode | undefined> {
  const load = loaders[kind];
  return load ? ((await load()).default as JsonSchemaNode) : undefined;
}
