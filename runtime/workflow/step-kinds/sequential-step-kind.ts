import type { StepKind } from './types';
import { notYetVoted, withVote } from './types';

/** 依次: assignees sign one after another in order; a rejection ends the step, the last approval finishes it. */
export const sequentialStepKind: StepKind = {
  kind: 'sequential',
  title: { 'zh-CN': '依次审批', en: 'Sign in order' },
  ordered: true,
  pending: (task) => notYetVoted(task).slice(0, 1),
  decide(task, vote) {
    const next = withVote(task, vote);
    if (vote.decision === 'reject') return { task: next, decided: true };
    return { task: next, decided: notYetVoted(next).length === 0 };
  },
};
