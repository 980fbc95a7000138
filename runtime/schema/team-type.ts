import { z } from 'zod';
import { definitionBase, Ref } from './common';

/** A kind of volunteer team (志愿服务队), e.g. 理论宣讲志愿服务队. */
export const TeamTypeDefinition = definitionBase('teamType')
  .extend({
    serviceCategories: z.array(Ref).default([]).describe('serviceCategory keys such teams usually serve'),
    isEmergency: z.boolean().default(false),
    registrationForm: Ref.optional(),
  })
  .strict();
export type TeamTypeDefinition = z.infer<typeof TeamTypeDefinition>;
