import type { ErrorObject } from 'ajv';
import type { FormDefinition } from '../schema/form';
import { ajvMessage } from './ajv-messages';
import { validatorFor } from './ajv-instances';
import { joinPointer } from './pointer';
import type { FormIssue } from './types';
import { unsafeKeyIssues } from './unsafe-keys';

type FormLike = Pick<FormDefinition, 'schema'>;

/**
 * Validates submitted data against the form's JSON Schema. `[]` means valid. Every issue carries the
 * pointer of the value it concerns (a missing required field: the pointer it would have) and a message
 * in zh-CN and en. Never throws.
 *
 * @example
 * validateFormData(form, { stars: 9 })
 * // [{ pointer: '/stars', code: 'maximum', message: { 'zh-CN': '不能大于 5', en: 'Must be at most 5' }, params: { limit: 5 } }]
 */
export function validateFormData(form: FormLike, data: unknown): FormIssue[] {
  const unsafe = unsafeKeyIssues(data);
  const schema: unknown = form?.schema;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [...unsafe, { pointer: '', code: 'schema-invalid', message: { 'zh-CN': '表单定义缺少数据结构（schema）', en: 'The form has no schema object' } }];
  }
  const compiled = validatorFor(schema as Record<string, unknown>);
  if (!compiled.ok) {
    return [
      ...unsafe,
      {
        pointer: '',
        code: 'schema-invalid',
        message: { 'zh-CN': `表单定义的数据结构无法使用：${compiled.reason}`, en: `The form's schema cannot be used: ${compiled.reason}` },
      },
    ];
  }
  let valid: boolean;
  try {
    valid = compiled.validate(data) as boolean;
  } catch (error) {
    // ajv does not throw on data, but a cyclic or exotic object handed in by code might.
    return [...unsafe, { pointer: '', code: 'invalid-data', message: { 'zh-CN': '数据无法校验', en: `The data cannot be validated: ${String(error)}` } }];
  }
  if (valid) return unsafe;
  return [...unsafe, ...toIssues(compiled.validate.errors ?? [])];
}

function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return joinPointer(error.instancePath, params.missingProperty);
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return joinPointer(error.instancePath, params.additionalProperty);
  }
  if ((error.keyword === 'dependencies' || error.keyword === 'dependentRequired') && typeof params.missingProperty === 'string') {
    return joinPointer(error.instancePath, params.missingProperty);
  }
  return error.instancePath;
}

/**
 * ajv reports every failing branch of a `oneOf`/`anyOf` plus the combinator itself; a person can act
 * only on "match one of these", so branch errors are dropped in favour of the combinator's. For
 * `if`/`then` it is the other way round: the branch says what is missing ("phone is required"), so the
 * generic `if` error is dropped when the branch explains it.
 */
function toIssues(errors: readonly ErrorObject[]): FormIssue[] {
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const kept = errors.filter((e) => !combinators.some((prefix) => e.schemaPath.startsWith(prefix)));
  const explained = kept.filter((e) => {
    if (e.keyword !== 'if') return true;
    const branch = `${e.schemaPath.slice(0, -'/if'.length)}/${String((e.params as Record<string, unknown>).failingKeyword)}`;
    return !kept.some((other) => other !== e && (other.schemaPath === branch || other.schemaPath.startsWith(`${branch}/`)));
  });
  const seen = new Set<string>();
  const issues: FormIssue[] = [];
  for (const error of explained) {
    const pointer = pointerOf(error);
    const key = `${pointer}\u0000${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const params = { ...(error.params as Record<string, unknown>) };
    issues.push({ pointer, code: error.keyword, message: ajvMessage(error.keyword, params), params });
  }
  return issues;
}
