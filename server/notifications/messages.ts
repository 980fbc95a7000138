/**
 * Notification texts in both languages, rendered on the server so outbound channels (SMS, WeChat) and the
 * studio show the same words. A message key without an entry falls back to the workflow's name, so a pack
 * may introduce new keys without a code change.
 */
import type { NotificationKind, Urgency } from './tables';

export type Localized = { 'zh-CN': string; en: string };

export const TASK_ASSIGNED = 'workflow.task.assigned';
export const SLA_WARNING = 'notification.sla.warning';
export const POOL_OPENED = 'notification.pool.opened';

const catalog: Record<string, Localized> = {
  [TASK_ASSIGNED]: { 'zh-CN': '新待办：{task}', en: 'New task: {task}' },
  'workflow.task.reminder': { 'zh-CN': '催办：{task}', en: 'Reminder: {task}' },
  'workflow.cc': { 'zh-CN': '抄送：{workflow}', en: 'For your information: {workflow}' },
  [SLA_WARNING]: { 'zh-CN': '即将超时：{task}', en: 'Due soon: {task}' },
  [POOL_OPENED]: { 'zh-CN': '可抢单：{task}', en: 'Open to claim: {task}' },
  'order.rejected': { 'zh-CN': '您的需求未被受理', en: 'Your request was not accepted' },
  'order.cancelled': { 'zh-CN': '需求已取消', en: 'The request was cancelled' },
  'order.accepted': { 'zh-CN': '志愿队伍已接单', en: 'A volunteer team accepted your request' },
  'order.noShow': { 'zh-CN': '志愿队伍未按时到达', en: 'The volunteer team did not arrive in time' },
  'order.completed': { 'zh-CN': '服务已完成，请评价', en: 'The service is done; please rate it' },
  'proposal.approved': { 'zh-CN': '您申报的服务项目已通过', en: 'Your proposed service item was approved' },
  'proposal.rejected': { 'zh-CN': '您申报的服务项目未通过', en: 'Your proposed service item was not approved' },
};

/** What the dispatcher stores with each notification, besides the effect's own data. */
export interface MessageParams {
  workflow?: Localized;
  task?: Localized;
  [name: string]: unknown;
}

function fill(template: string, params: MessageParams, language: keyof Localized): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value !== null && typeof value === 'object' && language in value) return String((value as Localized)[language]);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}

export function renderTitle(message: string, params: MessageParams): Localized {
  const template = catalog[message];
  if (template === undefined) {
    const fallback = params.workflow ?? { 'zh-CN': message, en: message };
    return { 'zh-CN': `${fallback['zh-CN']}（${message}）`, en: `${fallback.en} (${message})` };
  }
  return { 'zh-CN': fill(template['zh-CN'], params, 'zh-CN'), en: fill(template.en, params, 'en') };
}

/**
 * The kind (what preferences are set per) and urgency of a message. A 催办 by a person and an SLA warning
 * are urgent: they bypass quiet hours. A timed reminder (`data.timer`) is an ordinary reminder.
 */
export function classify(message: string, data: Record<string, unknown>): { kind: NotificationKind; urgency: Urgency } {
  switch (message) {
    case TASK_ASSIGNED:
    case POOL_OPENED:
      return { kind: 'assigned', urgency: 'normal' };
    case 'workflow.task.reminder':
      return { kind: 'reminder', urgency: typeof data.by === 'string' ? 'urgent' : 'normal' };
    case 'workflow.cc':
      return { kind: 'cc', urgency: 'normal' };
    case SLA_WARNING:
      return { kind: 'slaWarning', urgency: 'urgent' };
    default:
      return { kind: 'update', urgency: 'normal' };
  }
}
