import type { DefinitionKind } from '../../schema/kinds';

/** How each kind is named in messages, in both languages. */
export const kindLabels: Record<DefinitionKind, { 'zh-CN': string; en: string }> = {
  stationType: { 'zh-CN': '阵地类型', en: 'station type' },
  functionRoom: { 'zh-CN': '功能室', en: 'function room' },
  serviceCategory: { 'zh-CN': '服务类别', en: 'service category' },
  serviceItem: { 'zh-CN': '服务项目', en: 'service item' },
  teamType: { 'zh-CN': '队伍类型', en: 'team type' },
  form: { 'zh-CN': '表单', en: 'form' },
  workflow: { 'zh-CN': '流程', en: 'workflow' },
  rubric: { 'zh-CN': '测评细则', en: 'rubric' },
  bundle: { 'zh-CN': '定义包', en: 'bundle' },
};
