import { z } from 'zod';
import { definitionBase } from './common';

// PLACEHOLDER owned by the workflow-runtime work: replaced with the full workflow schema.
export const WorkflowDefinition = definitionBase('workflow').extend({}).loose();
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;
