import type { FormDefinition } from '../../runtime/schema/form';

/** A station's activity record: the field types the designer offers, one show-rule and one computed total. */
export const activityForm: FormDefinition = {
  kind: 'form',
  key: 'activity-record',
  version: 1,
  title: { 'zh-CN': '文明实践活动记录', en: 'Civilization practice activity record' },
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 2, maxLength: 60 },
      day: { type: 'string', format: 'date' },
      category: { type: 'string', oneOf: [{ const: 'theory', title: '理论宣讲' }, { const: 'culture', title: '文化文艺' }, { const: 'volunteer', title: '志愿服务' }] },
      online: { type: 'boolean' },
      link: { type: 'string', format: 'uri' },
      adults: { type: 'integer', minimum: 0, maximum: 100 },
      children: { type: 'integer', minimum: 0, maximum: 100 },
      total: { type: 'integer' },
      story: { type: 'string' },
      volunteers: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string' }, hours: { type: 'number', minimum: 0, maximum: 24 } }, required: ['name'] },
      },
      photos: { type: 'array', items: { type: 'string' }, maxItems: 9 },
    },
    required: ['title', 'day', 'category', 'adults'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/title' },
      { type: 'HorizontalLayout', elements: [{ type: 'Control', scope: '#/properties/day' }, { type: 'Control', scope: '#/properties/category' }] },
      { type: 'Control', scope: '#/properties/online' },
      { type: 'Control', scope: '#/properties/link' },
      {
        type: 'Group',
        label: '参与情况',
        elements: [
          { type: 'HorizontalLayout', elements: [{ type: 'Control', scope: '#/properties/adults' }, { type: 'Control', scope: '#/properties/children' }, { type: 'Control', scope: '#/properties/total' }] },
          { type: 'Control', scope: '#/properties/volunteers' },
        ],
      },
      { type: 'Control', scope: '#/properties/story', options: { multi: true } },
      { type: 'Control', scope: '#/properties/photos', options: { upload: 'image', maxSizeMb: 5, maxFiles: 9 } },
    ],
  },
  i18n: {
    'zh-CN': {
      'title.label': '活动名称',
      'day.label': '活动日期',
      'category.label': '活动类别',
      'online.label': '线上活动',
      'link.label': '直播链接',
      'adults.label': '成人人数',
      'children.label': '儿童人数',
      'total.label': '参与总人数',
      'story.label': '活动纪实',
      'volunteers.label': '参与志愿者',
      'volunteers.name.label': '姓名',
      'volunteers.hours.label': '服务时长（小时）',
      'photos.label': '活动照片',
      参与情况: '参与情况',
    },
    en: {
      'title.label': 'Activity',
      'day.label': 'Date',
      'category.label': 'Category',
      'category.theory': 'Theory lecture',
      'category.culture': 'Culture',
      'category.volunteer': 'Volunteering',
      'online.label': 'Online',
      'link.label': 'Live stream link',
      'adults.label': 'Adults',
      'children.label': 'Children',
      'total.label': 'Total attendance',
      'story.label': 'Account',
      'volunteers.label': 'Volunteers',
      'volunteers.name.label': 'Name',
      'volunteers.hours.label': 'Hours',
      'photos.label': 'Photos',
      参与情况: 'Attendance',
    },
  },
  rules: [{ scope: '#/properties/link', effect: 'SHOW', when: 'has(data.online) && data.online == true' }],
  computed: [{ scope: '#/properties/total', expression: '(has(data.adults) ? int(data.adults) : 0) + (has(data.children) ? int(data.children) : 0)' }],
};

/** A flat form of `n` fields (text, number, choice in turn), for the performance figures. */
export function largeForm(n: number): FormDefinition {
  const properties: Record<string, unknown> = {};
  const zh: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const key = `f${i}`;
    properties[key] = i % 5 === 3 ? { type: 'integer', minimum: 0, maximum: 1000 } : i % 5 === 4 ? { type: 'string', enum: ['a', 'b', 'c'] } : { type: 'string', maxLength: 200 };
    zh[`${key}.label`] = `第 ${i + 1} 项`;
  }
  return {
    kind: 'form',
    key: `large-${n}`,
    version: 1,
    title: { 'zh-CN': `${n} 个字段的表单`, en: `${n}-field form` },
    schema: { type: 'object', properties, required: ['f0'] },
    i18n: { 'zh-CN': zh },
    rules: [{ scope: '#/properties/f2', effect: 'SHOW', when: 'has(data.f0) && size(data.f0) > 0' }],
    computed: [],
  };
}
