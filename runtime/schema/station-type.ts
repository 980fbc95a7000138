import { z } from 'zod';
import { definitionBase, Key, LocalizedText, Ref } from './common';

/** Levels of the org tree (DOMAIN.md §3). Points and bases are first-class units. */
export const OrgLevel = z.enum(['center', 'subCenter', 'institute', 'station', 'servicePoint', 'practicePoint', 'practiceBase']);
export type OrgLevel = z.infer<typeof OrgLevel>;

/** One element of a construction standard ("five haves" 五有, "eight haves" 八有). */
export const ChecklistElement = z
  .object({ key: Key, title: LocalizedText, description: LocalizedText.optional() })
  .strict();

/**
 * A kind of venue at one level of the org tree: which function rooms it must have, which construction
 * standard applies, which rubric assesses it and which form holds its profile.
 */
export const StationTypeDefinition = definitionBase('stationType')
  .extend({
    level: OrgLevel,
    parentLevels: z.array(OrgLevel).default([]).describe('levels a unit of this type may hang under'),
    requiredRooms: z.array(Ref).default([]).describe('functionRoom keys every unit must have'),
    optionalRooms: z.array(Ref).default([]),
    minRooms: z.number().int().nonnegative().optional().describe('at least this many rooms of the two lists'),
    minLectureCapacity: z.number().int().positive().optional().describe('seats in the lecture space'),
    standard: z
      .object({ key: Key, title: LocalizedText, elements: z.array(ChecklistElement).min(1) })
      .strict()
      .optional()
      .describe('construction standard checklist, e.g. 五有 or 八有'),
    rubric: Ref.optional().describe('rubric key used to assess units of this type'),
    profileForm: Ref.optional().describe('form key of the unit profile'),
  })
  .strict();
export type StationTypeDefinition = z.infer<typeof StationTypeDefinition>;
