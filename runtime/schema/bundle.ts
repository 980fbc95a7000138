import { z } from 'zod';
import { definitionBase, Key, Version } from './common';

export const DefinitionKindName = z.enum(['stationType', 'functionRoom', 'serviceCategory', 'serviceItem', 'teamType', 'form', 'workflow', 'rubric', 'bundle']);

/** A consistent set of definitions, pinned by version: what a district publishes for a year. */
export const BundleDefinition = definitionBase('bundle')
  .extend({
    district: z.string().max(60).optional(),
    year: z.number().int().min(2018).max(2100).optional(),
    members: z
      .array(z.object({ kind: DefinitionKindName, key: Key, version: Version }).strict())
      .min(1),
  })
  .strict();
export type BundleDefinition = z.infer<typeof BundleDefinition>;
