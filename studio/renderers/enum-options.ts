import { useMemo } from 'react';
import type { JsonSchema } from '@jsonforms/core';
import { useFormTranslate, type FormTranslate } from './context';

export interface EnumOption {
  value: string | number | boolean;
  label: string;
}

type Primitive = string | number | boolean;
const isPrimitive = (v: unknown): v is Primitive => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Options of `enum` or `oneOf: [{const, title}]`, translated by the form's i18n: the key is
 * `<field>.<value>` (JSON Forms' convention), falling back to the title, then the value itself.
 */
export function enumOptions(schema: JsonSchema | undefined, i18nPrefix: string, t: FormTranslate): EnumOption[] {
  if (!schema) return [];
  if (Array.isArray(schema.enum)) {
    return schema.enum.filter(isPrimitive).map((value) => ({ value, label: t(`${i18nPrefix}.${String(value)}`, String(value)) }));
  }
  if (Array.isArray(schema.oneOf)) {
    return schema.oneOf
      .filter((s): s is JsonSchema & { const: Primitive } => isPrimitive(s.const))
      .map((s) => ({ value: s.const, label: t(`${i18nPrefix}.${String(s.const)}`, s.title ?? String(s.const)) }));
  }
  return [];
}

export function useEnumOptions(schema: JsonSchema | undefined, i18nPrefix: string): EnumOption[] {
  const t = useFormTranslate();
  return useMemo(() => enumOptions(schema, i18nPrefix, t), [schema, i18nPrefix, t]);
}

export function isEnumLike(schema: JsonSchema | undefined): boolean {
  return !!schema && (Array.isArray(schema.enum) || (Array.isArray(schema.oneOf) && schema.oneOf.length > 0 && schema.oneOf.every((s) => s.const !== undefined)));
}
