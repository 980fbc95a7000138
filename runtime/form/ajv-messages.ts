import type { LocalizedText } from '../schema/common';

type Params = Record<string, unknown>;
type Message = (params: Params) => LocalizedText;

const typeNames: Record<string, LocalizedText> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是/否', en: 'yes or no' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  null: { 'zh-CN': '空值', en: 'empty' },
};

const formatNames: Record<string, LocalizedText> = {
  date: { 'zh-CN': '有效日期（YYYY-MM-DD）', en: 'a valid date (YYYY-MM-DD)' },
  'date-time': { 'zh-CN': '有效日期时间', en: 'a valid date and time' },
  time: { 'zh-CN': '有效时间（HH:MM:SS）', en: 'a valid time (HH:MM:SS)' },
  email: { 'zh-CN': '有效电子邮箱', en: 'a valid email address' },
  uri: { 'zh-CN': '有效网址', en: 'a valid URL' },
  url: { 'zh-CN': '有效网址', en: 'a valid URL' },
  uuid: { 'zh-CN': '有效 UUID', en: 'a valid UUID' },
  duration: { 'zh-CN': 'ISO 8601 时长（如 P2D）', en: 'an ISO 8601 duration (like P2D)' },
};

/** "1 item", "2 items": the English count agrees with its noun. */
const count = (value: unknown, noun: string): string => `${text(value)} ${noun}${Number(value) === 1 ? '' : 's'}`;

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

function typeList(value: unknown): LocalizedText {
  const names = (Array.isArray(value) ? value : String(value).split(',')).map((t) => typeNames[String(t)] ?? { 'zh-CN': String(t), en: String(t) });
  return { 'zh-CN': names.map((n) => n['zh-CN']).join('或'), en: names.map((n) => n.en).join(' or ') };
}

/** Messages per ajv keyword, written for the person filling the form rather than the schema author. */
const messages: Record<string, Message> = {
  required: () => ({ 'zh-CN': '此项为必填项', en: 'This field is required' }),
  type: (p) => {
    const t = typeList(p.type);
    return { 'zh-CN': `应填写${t['zh-CN']}`, en: `Must be ${t.en}` };
  },
  minimum: (p) => ({ 'zh-CN': `不能小于 ${text(p.limit)}`, en: `Must be at least ${text(p.limit)}` }),
  maximum: (p) => ({ 'zh-CN': `不能大于 ${text(p.limit)}`, en: `Must be at most ${text(p.limit)}` }),
  exclusiveMinimum: (p) => ({ 'zh-CN': `必须大于 ${text(p.limit)}`, en: `Must be greater than ${text(p.limit)}` }),
  exclusiveMaximum: (p) => ({ 'zh-CN': `必须小于 ${text(p.limit)}`, en: `Must be less than ${text(p.limit)}` }),
  multipleOf: (p) => ({ 'zh-CN': `必须是 ${text(p.multipleOf)} 的倍数`, en: `Must be a multiple of ${text(p.multipleOf)}` }),
  minLength: (p) => ({ 'zh-CN': `至少 ${text(p.limit)} 个字符`, en: `Must be at least ${count(p.limit, 'character')}` }),
  maxLength: (p) => ({ 'zh-CN': `最多 ${text(p.limit)} 个字符`, en: `Must be at most ${count(p.limit, 'character')}` }),
  pattern: () => ({ 'zh-CN': '格式不正确', en: 'Does not have the expected form' }),
  format: (p) => {
    const f = formatNames[String(p.format)] ?? { 'zh-CN': `${text(p.format)} 格式`, en: `in ${text(p.format)} format` };
    return { 'zh-CN': `请填写${f['zh-CN']}`, en: `Must be ${f.en}` };
  },
  enum: () => ({ 'zh-CN': '请从给定选项中选择', en: 'Choose one of the allowed values' }),
  const: (p) => ({ 'zh-CN': `取值必须是 ${text(p.allowedValue)}`, en: `Must be ${text(p.allowedValue)}` }),
  minItems: (p) => ({ 'zh-CN': `至少 ${text(p.limit)} 项`, en: `Must have at least ${count(p.limit, 'item')}` }),
  maxItems: (p) => ({ 'zh-CN': `最多 ${text(p.limit)} 项`, en: `Must have at most ${count(p.limit, 'item')}` }),
  uniqueItems: (p) => {
    const [first, second] = [Number(p.i), Number(p.j)].sort((a, b) => a - b).map((n) => n + 1);
    return { 'zh-CN': `第 ${first} 项与第 ${second} 项重复`, en: `Items ${first} and ${second} are the same` };
  },
  additionalProperties: (p) => ({
    'zh-CN': `不允许的字段 ${text(p.additionalProperty)}`,
    en: `Field ${text(p.additionalProperty)} is not allowed`,
  }),
  minProperties: (p) => ({ 'zh-CN': `至少 ${text(p.limit)} 个字段`, en: `Must have at least ${count(p.limit, 'field')}` }),
  maxProperties: (p) => ({ 'zh-CN': `最多 ${text(p.limit)} 个字段`, en: `Must have at most ${count(p.limit, 'field')}` }),
  oneOf: () => ({ 'zh-CN': '必须恰好符合其中一种情形', en: 'Must match exactly one of the alternatives' }),
  anyOf: () => ({ 'zh-CN': '必须至少符合其中一种情形', en: 'Must match at least one of the alternatives' }),
  if: (p) => ({
    'zh-CN': `不满足条件对应的要求（${p.failingKeyword === 'else' ? '否则' : '则'}分支）`,
    en: `Does not meet the requirement for this case (the "${text(p.failingKeyword)}" branch)`,
  }),
  'false schema': () => ({ 'zh-CN': '此处不允许填写任何值', en: 'No value is allowed here' }),
  not: () => ({ 'zh-CN': '取值不被允许', en: 'This value is not allowed' }),
  contains: () => ({ 'zh-CN': '列表中缺少符合要求的项', en: 'The list lacks a matching item' }),
  dependencies: (p) => ({ 'zh-CN': `填写此项时还需填写 ${text(p.missingProperty)}`, en: `Also needs ${text(p.missingProperty)}` }),
  dependentRequired: (p) => ({ 'zh-CN': `填写此项时还需填写 ${text(p.missingProperty)}`, en: `Also needs ${text(p.missingProperty)}` }),
  propertyNames: (p) => ({ 'zh-CN': `字段名 ${text(p.propertyName)} 无效`, en: `Invalid field name ${text(p.propertyName)}` }),
};

export function ajvMessage(keyword: string, params: Params): LocalizedText {
  const message = messages[keyword];
  return message ? message(params) : { 'zh-CN': '取值无效', en: 'Invalid value' };
}

export const ajvMessageKeywords: readonly string[] = Object.keys(messages);
