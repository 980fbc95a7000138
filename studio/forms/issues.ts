import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { translator, type MessageKey } from '../i18n';

/** The shape of runtime/form's FormIssue; kept structural so the studio accepts any producer of it. */
export interface FormIssueLike {
  pointer: string;
  code: string;
  message: { 'zh-CN': string; en?: string | undefined };
}

const zh = translator('zh-CN');
const en = translator('en');

const keywordMessages: Partial<Record<string, MessageKey>> = {
  required: 'validation.required',
  minimum: 'validation.minimum',
  maximum: 'validation.maximum',
  exclusiveMinimum: 'validation.exclusiveMinimum',
  exclusiveMaximum: 'validation.exclusiveMaximum',
  minLength: 'validation.minLength',
  maxLength: 'validation.maxLength',
  pattern: 'validation.pattern',
  format: 'validation.format',
  type: 'validation.type',
  enum: 'validation.enum',
  minItems: 'validation.minItems',
  maxItems: 'validation.maxItems',
  multipleOf: 'validation.multipleOf',
};

/** An ajv error as a bilingual issue at the pointer of the field it concerns (required → the missing child). */
export function issueFromAjv(error: ErrorObject): FormIssueLike {
  const params = error.params as Record<string, unknown>;
  const pointer =
    error.keyword === 'required' && typeof params.missingProperty === 'string'
      ? `${error.instancePath}/${params.missingProperty}`
      : error.instancePath;
  const key = keywordMessages[error.keyword] ?? 'validation.other';
  const limit = params.limit ?? params.multipleOf ?? '';
  const values = { limit: typeof limit === 'number' || typeof limit === 'string' ? limit : String(limit) };
  return { pointer, code: error.keyword, message: { 'zh-CN': zh(key, values), en: en(key, values) } };
}

const validators = new WeakMap<object, ValidateFunction>();
let ajv: Ajv | undefined;

/** Validates with ajv alone; used where runtime/form's validator is not wanted (array cells in isolation). */
export function ajvIssues(schema: Record<string, unknown>, data: unknown): FormIssueLike[] {
  let validate = validators.get(schema);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
    }
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate(data) ? [] : (validate.errors ?? []).map(issueFromAjv);
}
