import type { LocalizedText } from '../schema/common';
import type { FormIssueLike, Outcome, Rejection } from './types';

/** A refused command, as returned by every entry point. */
export type Failure = Extract<Outcome, { ok: false }>;

function fail(rejection: Rejection): Failure {
  return { ok: false, rejection };
}

/** Factories for every rejection, so the wording stays in one place and in both languages. */
export const reject = {
  final: (state: string) =>
    fail({ code: 'instance-final', state, message: { 'zh-CN': `流程已结束（${state}），不能再操作`, en: `The instance is finished (${state}); no further commands` } }),
  stale: (expected: number, actual: number) =>
    fail({ code: 'stale-revision', expected, actual, message: { 'zh-CN': '数据已被他人更新，请刷新后重试', en: `Stale instance: expected revision ${expected}, it is ${actual}` } }),
  notAvailable: (event: string, state: string, available: string[]) =>
    fail({ code: 'event-not-available', event, state, available, message: { 'zh-CN': `当前状态（${state}）不能执行“${event}”`, en: `“${event}” is not available in state ${state}` } }),
  notAllowed: (event: string, rules: string[]) =>
    fail({ code: 'actor-not-allowed', event, rules, message: { 'zh-CN': `您无权执行“${event}”`, en: `You may not perform “${event}”; allowed: ${rules.join('; ') || 'nobody'}` } }),
  guard: (expression: string, values: Record<string, unknown>) =>
    fail({ code: 'guard-false', expression, values, message: { 'zh-CN': `条件不满足：${expression}`, en: `Condition not met: ${expression}` } }),
  form: (form: string, issues: FormIssueLike[]) =>
    fail({ code: 'form-invalid', form, issues, message: { 'zh-CN': '表单填写有误，请检查标出的字段', en: 'The form has errors; check the marked fields' } }),
  formUnknown: (form: string) =>
    fail({ code: 'form-unknown', form, message: { 'zh-CN': `找不到表单 ${form}`, en: `Form ${form} is not available` } }),
  expression: (expression: string, reason: LocalizedText) =>
    fail({ code: 'expression-failed', expression, reason, message: { 'zh-CN': `表达式计算失败：${expression}`, en: `Expression failed: ${expression}` } }),
  target: (target: string | undefined, reason: string) =>
    fail({ code: 'target-invalid', target, reason, message: { 'zh-CN': `目标无效：${target ?? '（未指定）'}`, en: `Invalid target ${target ?? '(none)'}: ${reason}` } }),
  timer: (timer: string | undefined) =>
    fail({ code: 'timer-not-pending', timer, message: { 'zh-CN': `计时器 ${timer ?? ''} 未在计时`, en: `Timer ${timer ?? '(none)'} is not pending` } }),
  remindTooSoon: (nextAt: string) =>
    fail({ code: 'remind-too-soon', nextAt, message: { 'zh-CN': `催办过于频繁，请于 ${nextAt} 之后再催`, en: `Reminded recently; next reminder allowed at ${nextAt}` } }),
  withdrawTooLate: () =>
    fail({ code: 'withdraw-too-late', message: { 'zh-CN': '审批人已处理，不能撤回', en: 'An approver has already acted; it can no longer be withdrawn' } }),
  noHigherLevel: () =>
    fail({ code: 'no-higher-level', message: { 'zh-CN': '已是最高层级，无法上报', en: 'Already at the top level; cannot escalate' } }),
  // Reported under definition-mismatch (the definition is not one the engine can run), so the server's
  // exhaustive mapping of rejection codes stays as it is.
  invalidDefinition: (reason: string) =>
    fail({ code: 'definition-mismatch', expected: 'a definition that passes lint', actual: reason, message: { 'zh-CN': '流程定义有误（未通过发布检查），无法执行', en: `The workflow definition is invalid (it would not pass lint): ${reason}` } }),
  mismatch: (expected: string, actual: string) =>
    fail({ code: 'definition-mismatch', expected, actual, message: { 'zh-CN': '流程定义与实例不匹配', en: `Instance runs ${actual}, not ${expected}` } }),
};
