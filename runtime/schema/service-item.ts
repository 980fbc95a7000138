import { z } from 'zod';
import { definitionBase, DurationSpec, Ref } from './common';

export const TargetGroup = z.enum(['all', 'elderly', 'children', 'youth', 'farmers', 'migrants', 'disabled', 'women', 'partyMembers', 'families']);
export const DeliveryMode = z.enum(['onSite', 'atStation', 'online']);

/** Service-level targets of an order for this item; each overrides the workflow's default timer of the same name. */
export const ServiceSla = z
  .object({
    triage: DurationSpec.optional(),
    accept: DurationSpec.optional(),
    noShowGrace: DurationSpec.optional(),
    ratingWindow: DurationSpec.optional(),
    reopenWindow: DurationSpec.optional(),
  })
  .strict();

/** One entry of the demand menu (供单): what residents can order. */
export const ServiceItemDefinition = definitionBase('serviceItem')
  .extend({
    category: Ref.describe('serviceCategory key'),
    theme: z.string().max(60).optional().describe('themed project name, e.g. 关爱蓓蕾·情暖童心'),
    targetGroups: z.array(TargetGroup).min(1),
    deliveryModes: z.array(DeliveryMode).min(1),
    durationMinutes: z.number().int().positive().optional().describe('typical length of one service'),
    providerTeamTypes: z.array(Ref).default([]).describe('teamType keys able to serve this item'),
    capacityPerMonth: z.number().int().positive().optional(),
    requiredSkills: z.array(z.string()).default([]),
    orderForm: Ref.optional().describe('form key residents fill when ordering; defaults to the workflow start form'),
    workflow: Ref.default('five-order').describe('workflow key an order of this item runs'),
    sla: ServiceSla.optional(),
    activeFrom: z.iso.date().optional(),
    activeTo: z.iso.date().optional(),
  })
  .strict();
export type ServiceItemDefinition = z.infer<typeof ServiceItemDefinition>;
