import { parseDuration } from '../../../calendar';
import { defineRule } from '../../types';
import { states } from './walk';

/**
 * Timers must be able to fire: a positive duration (zero only when counted from an expression), a key
 * unique in the state, an event the state handles, and a timeout action the state can take.
 */
export const workflowTimerInvalid = defineRule({
  name: 'workflow-timer-invalid',
  kinds: ['workflow'],
  check({ definition }, _context, report) {
    for (const [key, state] of states(definition)) {
      const keys = new Set<string>();
      state.timers.forEach((timer, i) => {
        const at = `/states/${key}/timers/${i}`;
        const flag = (pointer: string, zh: string, en: string) => report({ pointer, code: 'workflow-timer-invalid', message: { 'zh-CN': zh, en } });
        if (keys.has(timer.key)) flag(`${at}/key`, `计时器“${timer.key}”重复`, `Timer key "${timer.key}" is used twice in this state`);
        keys.add(timer.key);
        const timings = Array.isArray(timer.after) ? timer.after.map((t, j) => [t, `${at}/after/${j}/after`] as const) : [[timer.after, `${at}/after/after`] as const];
        for (const [timing, pointer] of timings) {
          const parsed = parseDuration(timing.after);
          if (!parsed) flag(pointer, `时长“${timing.after}”无效`, `Duration "${timing.after}" is not valid`);
          else if (parsed.days === 0 && parsed.ms === 0 && timer.from === undefined) flag(pointer, '时长为零，计时器会立即触发', 'A zero duration fires at once; count it from an expression or remove it');
        }
        if (timer.event !== undefined && !state.transitions.some((t) => t.event === timer.event)) {
          flag(`${at}/event`, `状态没有“${timer.event}”的转换`, `The state has no transition on "${timer.event}"`);
        }
        if ((timer.action === 'approve' || timer.action === 'reject') && !state.transitions.some((t) => t.decision === timer.action && t.allow.some((r) => 'assignee' in r))) {
          flag(`${at}/action`, `没有可自动${timer.action === 'approve' ? '通过' : '驳回'}的转换`, `No assignee transition with decision "${timer.action}" to take`);
        }
        if (timer.action === 'sendBack' && timer.target === undefined && !state.sendBack) flag(`${at}/action`, '没有退回目标', 'No send-back target: set `target` or the state’s sendBack');
        if (new Set(timer.remindAt).size !== timer.remindAt.length) flag(`${at}/remindAt`, '催办比例重复', 'Reminder fractions repeat');
      });
    }
  },
});
