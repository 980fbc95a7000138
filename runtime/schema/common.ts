import { z } from 'zod';

/**
 * Text shown to people. zh-CN is required (Chinese first); `en` is the second language.
 * The linter warns when `en` is missing so that a pack can be held to "every label carries both".
 *
 * @example { "zh-CN": "理论宣讲室", "en": "Theory lecture room" }
 */
export const LocalizedText = z
  .object({
    'zh-CN': z.string().min(1).describe('简体中文 (required)'),
    en: z.string().min(1).optional().describe('English'),
  })
  .strict()
  .describe('Bilingual text: zh-CN required, en recommended');
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Stable identifier of a definition or of an element inside one: lower camel or kebab case. */
export const Key = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*(?:[-_.][a-zA-Z0-9]+)*$/, 'key: start with a lowercase letter; letters, digits, - _ .')
  .max(80);

/** Name of a definition of another kind, resolved within the same set (bundle or registry). */
export const Ref = Key.describe('key of another definition');

/** Definitions are versioned by a positive integer; publishing a version makes it immutable. */
export const Version = z.number().int().positive();

/** An expression in the one expression language (CEL). See definitions/README.md. */
export const Expression = z.string().min(1).max(2000).describe('CEL expression (definitions/README.md)');

/**
 * A duration such as `PT4H`, `P2D` or `P7D` (ISO 8601, days and smaller), and whether days count
 * on the calendar or as working days under the district's holiday calendar.
 */
export const Duration = z.string().regex(/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/, 'ISO 8601 duration like P2D or PT4H');
export const DurationSpec = z
  .object({
    after: Duration,
    calendar: z.enum(['calendar', 'working']).default('calendar'),
  })
  .strict();

/** Any JSON object; used where a standard format (JSON Schema, JSON Forms UI schema) is embedded as is. */
export const JsonObject = z.record(z.string(), z.unknown());

/** Fields every definition has, whatever its kind. */
export function definitionBase<K extends string>(kind: K) {
  return z.object({
    $schema: z.string().optional().describe('URL or path of the published JSON Schema of this kind'),
    kind: z.literal(kind),
    key: Key,
    version: Version,
    title: LocalizedText,
    description: LocalizedText.optional(),
    tags: z.array(z.string()).optional(),
  });
}
