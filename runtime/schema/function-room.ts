import { z } from 'zod';
import { definitionBase, Key, LocalizedText } from './common';

/** A named room of a venue (功能室), e.g. 理论宣讲室 or 农家书屋. */
export const FunctionRoomDefinition = definitionBase('functionRoom')
  .extend({
    purpose: z.enum(['theory', 'education', 'culture', 'science', 'fitness', 'care', 'service', 'heritage', 'consultation', 'other']),
    capacityMin: z.number().int().positive().optional(),
    lecture: z.boolean().default(false).describe('counts as lecture space for capacity rules'),
    equipment: z.array(z.object({ key: Key, title: LocalizedText }).strict()).default([]),
  })
  .strict();
export type FunctionRoomDefinition = z.infer<typeof FunctionRoomDefinition>;
