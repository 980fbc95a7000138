import { z } from 'zod';
import { definitionBase } from './common';

// PLACEHOLDER owned by the rubric-engine work: replaced with the full rubric schema.
export const RubricDefinition = definitionBase('rubric').extend({}).loose();
export type RubricDefinition = z.infer<typeof RubricDefinition>;
