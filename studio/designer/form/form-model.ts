/**
 * Pure edits of a form definition body, so the designer's buttons and the tests share one meaning:
 * each function returns a new body and never mutates its input. A field lives in three places — its
 * JSON Schema property, a Control in the UI schema, and its labels in `i18n` — and every edit keeps
 * the three in step (a removed field also loses its rules, computed value and translations).
 */
import type { FormDefinition, UiSchemaElement } from '../../../runtime/schema/form';
import { cloneJson } from '../text';

export type FormBody = Pick<FormDefinition, 'schema' | 'uischema' | 'i18n' | 'rules' | 'computed'> & Record<string, unknown>;

export const fieldTypes = ['text', 'textarea', 'number', 'integer', 'date', 'single', 'multiple', 'boolean', 'image', 'file', 'table'] as const;
export type FieldType = (typeof fieldTypes)[number];

export type JsonSchemaProperty = Record<string, unknown>;

export interface NewField {
  key: string;
  type: FieldType;
  zh: string;
  en?: string;
  /** Index of a Group among the root elements to put the field in; the root when absent. */
  group?: number;
}

export const scopeOf = (key: string) => `#/properties/${key}`;
export const keyOfScope = (scope: string | undefined) => (scope?.startsWith('#/properties/') ? scope.slice('#/properties/'.length).split('/')[0] : undefined);

export function propertiesOf(body: FormBody): Record<string, JsonSchemaProperty> {
  return ((body.schema as { properties?: Record<string, JsonSchemaProperty> }).properties ?? {}) as Record<string, JsonSchemaProperty>;
}

/** The UI schema, generated (one Control per property, in order) when the definition has none. */
export function layoutOf(body: FormBody): UiSchemaElement {
  return body.uischema ?? { type: 'VerticalLayout', elements: Object.keys(propertiesOf(body)).map((key) => ({ type: 'Control', scope: scopeOf(key) })) };
}

function walk(element: UiSchemaElement, visit: (element: UiSchemaElement, parent: UiSchemaElement | undefined) => void, parent?: UiSchemaElement) {
  visit(element, parent);
  for (const child of element.elements ?? []) walk(child, visit, element);
}

export function controlOf(body: FormBody, key: string): UiSchemaElement | undefined {
  let found: UiSchemaElement | undefined;
  walk(layoutOf(body), (element) => {
    if (element.type === 'Control' && keyOfScope(element.scope) === key) found ??= element;
  });
  return found;
}

export function fieldTypeOf(property: JsonSchemaProperty, control?: UiSchemaElement): FieldType {
  const upload = control?.options?.upload;
  if (upload === 'image' || upload === 'file') return upload;
  switch (property.type) {
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const items = (property.items ?? {}) as JsonSchemaProperty;
      if (items.type === 'object') return 'table';
      return Array.isArray(items.enum) ? 'multiple' : 'multiple';
    }
    default:
      if (Array.isArray(property.enum) || Array.isArray(property.oneOf)) return 'single';
      if (property.format === 'date') return 'date';
      return control?.options?.multi ? 'textarea' : 'text';
  }
}

function schemaFor(type: FieldType, zh: string): JsonSchemaProperty {
  switch (type) {
    case 'text':
      return { title: zh, type: 'string', maxLength: 200 };
    case 'textarea':
      return { title: zh, type: 'string', maxLength: 2000 };
    case 'number':
      return { title: zh, type: 'number' };
    case 'integer':
      return { title: zh, type: 'integer', minimum: 0 };
    case 'date':
      return { title: zh, type: 'string', format: 'date' };
    case 'single':
      return { title: zh, type: 'string', enum: ['option1', 'option2'] };
    case 'multiple':
      return { title: zh, type: 'array', items: { type: 'string', enum: ['option1', 'option2'] }, uniqueItems: true };
    case 'boolean':
      return { title: zh, type: 'boolean' };
    case 'image':
    case 'file':
      return { title: zh, type: 'array', items: { type: 'string' }, maxItems: 9 };
    case 'table':
      return { title: zh, type: 'array', items: { type: 'object', properties: { name: { title: '名称', type: 'string', maxLength: 60 } } } };
  }
}

function controlFor(type: FieldType, key: string): UiSchemaElement {
  const control: UiSchemaElement = { type: 'Control', scope: scopeOf(key) };
  if (type === 'textarea') control.options = { multi: true };
  if (type === 'image') control.options = { upload: 'image', accept: 'image/*', maxSizeMb: 10, maxFiles: 9 };
  if (type === 'file') control.options = { upload: 'file', maxSizeMb: 20, maxFiles: 9 };
  return control;
}

function setTranslation(next: FormBody, locale: 'zh-CN' | 'en', name: string, text: string | undefined) {
  const i18n = (next.i18n ??= {});
  const catalog = (i18n[locale] ??= {});
  if (text) catalog[name] = text;
  else delete catalog[name];
}

export const fieldKeyPattern = /^[a-z][a-zA-Z0-9]*$/;

export function addField(body: FormBody, field: NewField): FormBody {
  const next = cloneJson(body);
  const schema = next.schema as { properties?: Record<string, JsonSchemaProperty> };
  const properties = (schema.properties ??= {});
  if (properties[field.key]) throw new Error(`field ${field.key} exists`);
  properties[field.key] = schemaFor(field.type, field.zh);
  const layout = (next.uischema = cloneJson(layoutOf(next)));
  const container = field.group !== undefined ? layout.elements?.[field.group] : undefined;
  const target = container?.type === 'Group' ? container : layout;
  (target.elements ??= []).push(controlFor(field.type, field.key));
  setTranslation(next, 'zh-CN', `${field.key}.label`, field.zh);
  setTranslation(next, 'en', `${field.key}.label`, field.en);
  if (field.type === 'single' || field.type === 'multiple') {
    for (const [value, zh, en] of [['option1', '选项一', 'Option 1'], ['option2', '选项二', 'Option 2']] as const) {
      setTranslation(next, 'zh-CN', `${field.key}.${value}`, zh);
      setTranslation(next, 'en', `${field.key}.${value}`, en);
    }
  }
  return next;
}

function removeControls(element: UiSchemaElement, key: string): UiSchemaElement {
  const elements = element.elements?.filter((child) => !(child.type === 'Control' && keyOfScope(child.scope) === key)).map((child) => removeControls(child, key));
  return elements ? { ...element, elements } : element;
}

export function removeField(body: FormBody, key: string): FormBody {
  const next = cloneJson(body);
  const schema = next.schema as { properties?: Record<string, JsonSchemaProperty>; required?: string[] };
  delete schema.properties?.[key];
  if (schema.required) schema.required = schema.required.filter((k) => k !== key);
  next.uischema = removeControls(layoutOf(next), key);
  next.rules = (next.rules ?? []).filter((rule) => keyOfScope(rule.scope) !== key);
  next.computed = (next.computed ?? []).filter((c) => keyOfScope(c.scope) !== key);
  for (const locale of ['zh-CN', 'en'] as const) {
    const catalog = next.i18n?.[locale];
    if (catalog) for (const name of Object.keys(catalog)) if (name.startsWith(`${key}.`)) delete catalog[name];
  }
  return next;
}

/** Path of indices from the root layout to an element. */
export type ElementPath = readonly number[];

function parentAt(layout: UiSchemaElement, path: ElementPath): UiSchemaElement | undefined {
  let parent: UiSchemaElement | undefined = layout;
  for (const index of path.slice(0, -1)) parent = parent?.elements?.[index];
  return parent;
}

/** Moves an element up (-1) or down (+1) among its siblings; at either end nothing changes. */
export function moveElement(body: FormBody, path: ElementPath, delta: -1 | 1): FormBody {
  const next = cloneJson(body);
  const layout = (next.uischema = cloneJson(layoutOf(next)));
  const siblings = parentAt(layout, path)?.elements;
  const index = path.at(-1);
  if (!siblings || index === undefined) return body;
  const target = index + delta;
  if (target < 0 || target >= siblings.length) return body;
  const [moved] = siblings.splice(index, 1);
  siblings.splice(target, 0, moved!);
  return next;
}

/** Takes a field out of wherever it is and appends it to a root Group, or to the root (`group` undefined). */
export function moveFieldToGroup(body: FormBody, key: string, group: number | undefined): FormBody {
  const next = cloneJson(body);
  const layout = (next.uischema = cloneJson(layoutOf(next)));
  let original: UiSchemaElement | undefined;
  walk(layout, (element) => {
    if (element.type === 'Control' && keyOfScope(element.scope) === key) original ??= element;
  });
  if (!original) return body;
  // The target is resolved before the control is taken out, so removing it cannot shift the index.
  const container = group !== undefined ? layout.elements?.[group] : undefined;
  const target = container?.type === 'Group' ? container : layout;
  const drop = (element: UiSchemaElement) => {
    if (element.elements) element.elements = element.elements.filter((child) => child !== original);
    element.elements?.forEach(drop);
  };
  drop(layout);
  (target.elements ??= []).push(original);
  return next;
}

export function addGroup(body: FormBody, zh: string, en: string | undefined): FormBody {
  const next = cloneJson(body);
  const layout = (next.uischema = cloneJson(layoutOf(next)));
  const existing = new Set((layout.elements ?? []).map((e) => (typeof e.i18n === 'string' ? e.i18n : '')));
  let n = 1;
  while (existing.has(`group${n}`)) n++;
  (layout.elements ??= []).push({ type: 'Group', label: zh, i18n: `group${n}`, elements: [] });
  setTranslation(next, 'zh-CN', `group${n}.label`, zh);
  setTranslation(next, 'en', `group${n}.label`, en);
  return next;
}

export function labelOf(body: FormBody, key: string, locale: 'zh-CN' | 'en'): string {
  const translated = body.i18n?.[locale]?.[`${key}.label`];
  if (translated) return translated;
  const title = propertiesOf(body)[key]?.title;
  return locale === 'zh-CN' && typeof title === 'string' ? title : '';
}

export function setLabel(body: FormBody, key: string, locale: 'zh-CN' | 'en', text: string): FormBody {
  const next = cloneJson(body);
  setTranslation(next, locale, `${key}.label`, text || undefined);
  const property = propertiesOf(next)[key];
  if (locale === 'zh-CN' && property && text) property.title = text;
  return next;
}

export function isRequired(body: FormBody, key: string): boolean {
  return ((body.schema as { required?: string[] }).required ?? []).includes(key);
}

export function setRequired(body: FormBody, key: string, required: boolean): FormBody {
  const next = cloneJson(body);
  const schema = next.schema as { required?: string[] };
  const rest = (schema.required ?? []).filter((k) => k !== key);
  schema.required = required ? [...rest, key] : rest;
  if (schema.required.length === 0) delete schema.required;
  return next;
}

export type Constraint = 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern' | 'minItems' | 'maxItems';

/** Sets or (with undefined or '') clears one validation keyword of a field. */
export function setConstraint(body: FormBody, key: string, name: Constraint, value: number | string | undefined): FormBody {
  const next = cloneJson(body);
  const property = propertiesOf(next)[key];
  if (!property) return body;
  if (value === undefined || value === '') delete property[name];
  else property[name] = value;
  return next;
}

export interface ChoiceOption {
  value: string;
  zh: string;
  en: string;
}

function enumHolder(property: JsonSchemaProperty): JsonSchemaProperty {
  return property.type === 'array' ? ((property.items ??= { type: 'string' }) as JsonSchemaProperty) : property;
}

export function optionsOf(body: FormBody, key: string): ChoiceOption[] {
  const property = propertiesOf(body)[key];
  if (!property) return [];
  const values = enumHolder(cloneJson(property)).enum;
  return (Array.isArray(values) ? values : []).map((value) => ({
    value: String(value),
    zh: body.i18n?.['zh-CN']?.[`${key}.${String(value)}`] ?? String(value),
    en: body.i18n?.en?.[`${key}.${String(value)}`] ?? '',
  }));
}

export function setOptions(body: FormBody, key: string, options: readonly ChoiceOption[]): FormBody {
  const next = cloneJson(body);
  const property = propertiesOf(next)[key];
  if (!property) return body;
  const before = optionsOf(body, key);
  for (const option of before) {
    setTranslation(next, 'zh-CN', `${key}.${option.value}`, undefined);
    setTranslation(next, 'en', `${key}.${option.value}`, undefined);
  }
  enumHolder(property).enum = options.map((o) => o.value);
  for (const option of options) {
    setTranslation(next, 'zh-CN', `${key}.${option.value}`, option.zh || undefined);
    setTranslation(next, 'en', `${key}.${option.value}`, option.en || undefined);
  }
  return next;
}

export const columnTypes = ['text', 'number', 'integer', 'date'] as const;
export type ColumnType = (typeof columnTypes)[number];

export interface TableColumn {
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
  required: boolean;
}

function itemsOf(property: JsonSchemaProperty | undefined): { properties?: Record<string, JsonSchemaProperty>; required?: string[] } | undefined {
  const items = property?.items;
  return items && typeof items === 'object' && !Array.isArray(items) ? (items as { properties?: Record<string, JsonSchemaProperty>; required?: string[] }) : undefined;
}

/** The columns of a table field (an array of objects); labels live at `<field>.<column>.label` as the table renderer reads them. */
export function columnsOf(body: FormBody, key: string): TableColumn[] {
  const items = itemsOf(propertiesOf(body)[key]);
  return Object.entries(items?.properties ?? {}).map(([column, schema]) => ({
    key: column,
    zh: body.i18n?.['zh-CN']?.[`${key}.${column}.label`] ?? (typeof schema.title === 'string' ? schema.title : column),
    en: body.i18n?.en?.[`${key}.${column}.label`] ?? '',
    type: schema.type === 'number' || schema.type === 'integer' ? schema.type : schema.format === 'date' ? 'date' : 'text',
    required: (items?.required ?? []).includes(column),
  }));
}

export function setColumns(body: FormBody, key: string, columns: readonly TableColumn[]): FormBody {
  const next = cloneJson(body);
  const property = propertiesOf(next)[key];
  if (!property) return body;
  for (const old of columnsOf(body, key)) {
    setTranslation(next, 'zh-CN', `${key}.${old.key}.label`, undefined);
    setTranslation(next, 'en', `${key}.${old.key}.label`, undefined);
  }
  const properties: Record<string, JsonSchemaProperty> = {};
  for (const column of columns) {
    properties[column.key] =
      column.type === 'date' ? { title: column.zh, type: 'string', format: 'date' } : column.type === 'text' ? { title: column.zh, type: 'string', maxLength: 200 } : { title: column.zh, type: column.type };
    setTranslation(next, 'zh-CN', `${key}.${column.key}.label`, column.zh || undefined);
    setTranslation(next, 'en', `${key}.${column.key}.label`, column.en || undefined);
  }
  const required = columns.filter((c) => c.required).map((c) => c.key);
  property.items = { type: 'object', properties, ...(required.length ? { required } : {}) };
  return next;
}
