import type { StepKind } from './types';
import { notYetVoted, withVote } from './types';

/** 会签: every assignee must approve; one rejection decides the step at once. */
export const countersignStepKind: StepKind = {
  kind: 'countersign',
  title: { 'zh-CN': '会签', en: 'All must sign' },
  ordered: false,
  pending: notYetVoted,
  decide(task, vote) {
    const next = withVote(task, vote);
    if (vote.decision === 'reject') return { task: next, decided: true };
    return { task: next, decided: notYetVoted(next).length === 0 };
  },
};
