import { z } from 'zod';
import { definitionBase, Expression, JsonObject } from './common';

/**
 * A JSON Forms UI schema element. Kept open (extra properties pass through) because any UI schema an
 * integrator already has must be accepted unchanged; the linter checks scopes against the data schema.
 */
export interface UiSchemaElement {
  type: string;
  scope?: string | undefined;
  label?: unknown;
  elements?: UiSchemaElement[] | undefined;
  rule?: { effect: 'HIDE' | 'SHOW' | 'ENABLE' | 'DISABLE'; condition: Record<string, unknown> } | undefined;
  options?: Record<string, unknown> | undefined;
  [extra: string]: unknown;
}

export const UiSchemaRule = z
  .object({
    effect: z.enum(['HIDE', 'SHOW', 'ENABLE', 'DISABLE']),
    condition: JsonObject,
  })
  .loose();

export const UiSchemaElement: z.ZodType<UiSchemaElement> = z.lazy(() =>
  z
    .object({
      type: z.string().describe('VerticalLayout, HorizontalLayout, Group, Categorization, Category, Control, Label, …'),
      scope: z.string().optional(),
      label: z.unknown().optional(),
      elements: z.array(UiSchemaElement).optional(),
      rule: UiSchemaRule.optional(),
      options: JsonObject.optional(),
    })
    .loose(),
);

/** Show/hide/enable/disable a control by an expression over the form data (`data`). */
export const ExpressionRule = z
  .object({
    scope: z.string().regex(/^#\/properties\//).describe('scope of the control the rule applies to'),
    effect: z.enum(['HIDE', 'SHOW', 'ENABLE', 'DISABLE']),
    when: Expression,
  })
  .strict();

/** A value the form computes from other fields, e.g. a total; the user cannot edit it. */
export const ComputedField = z
  .object({
    scope: z.string().regex(/^#\/properties\//),
    expression: Expression,
  })
  .strict();

/**
 * A form: a JSON Schema for the data, a JSON Forms UI schema for the layout, translations, and rules
 * and computed values in the expression language.
 */
export const FormDefinition = definitionBase('form')
  .extend({
    schema: JsonObject.describe('JSON Schema (draft 7 / 2019-09 as accepted by ajv) of the form data'),
    uischema: UiSchemaElement.optional().describe('JSON Forms UI schema; generated from the schema when absent'),
    i18n: z
      .object({ 'zh-CN': z.record(z.string(), z.string()).optional(), en: z.record(z.string(), z.string()).optional() })
      .strict()
      .optional()
      .describe('JSON Forms translation keys (e.g. "name.label") per locale'),
    rules: z.array(ExpressionRule).default([]),
    computed: z.array(ComputedField).default([]),
  })
  .strict();
export type FormDefinition = z.infer<typeof FormDefinition>;
