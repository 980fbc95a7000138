import type { z } from 'zod';
import { BundleDefinition } from './bundle';
import { FormDefinition } from './form';
import { FunctionRoomDefinition } from './function-room';
import { RubricDefinition } from './rubric';
import { ServiceCategoryDefinition } from './service-category';
import { ServiceItemDefinition } from './service-item';
import { StationTypeDefinition } from './station-type';
import { TeamTypeDefinition } from './team-type';
import { WorkflowDefinition } from './workflow';

/**
 * The single source of truth per definition kind. Exhaustive over the kind union, so a new kind without
 * a schema does not compile; JSON Schemas in definitions/schemas/ are generated from this table.
 */
export const definitionSchemas = {
  stationType: StationTypeDefinition,
  functionRoom: FunctionRoomDefinition,
  serviceCategory: ServiceCategoryDefinition,
  serviceItem: ServiceItemDefinition,
  teamType: TeamTypeDefinition,
  form: FormDefinition,
  workflow: WorkflowDefinition,
  rubric: RubricDefinition,
  bundle: BundleDefinition,
} as const satisfies Record<string, z.ZodType>;

export type DefinitionKind = keyof typeof definitionSchemas;
export const definitionKinds = Object.keys(definitionSchemas) as DefinitionKind[];

export type DefinitionOf<K extends DefinitionKind> = z.infer<(typeof definitionSchemas)[K]>;
export type AnyDefinition = { [K in DefinitionKind]: DefinitionOf<K> }[DefinitionKind];

export function isDefinitionKind(value: unknown): value is DefinitionKind {
  return typeof value === 'string' && Object.hasOwn(definitionSchemas, value);
}
