import { z } from 'zod';
import { definitionBase } from './common';

/** A category of the demand menu (需求菜单), e.g. 理论政策宣讲. */
export const ServiceCategoryDefinition = definitionBase('serviceCategory')
  .extend({
    order: z.number().int().nonnegative().describe('position in the menu'),
    icon: z.string().max(40).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  })
  .strict();
export type ServiceCategoryDefinition = z.infer<typeof ServiceCategoryDefinition>;
