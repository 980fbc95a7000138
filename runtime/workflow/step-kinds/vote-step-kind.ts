import type { StepKind } from './types';
import { notYetVoted, withVote } from './types';

const DEFAULT_RATIO = 0.5;

/**
 * 票签: approved once approvals reach `ratio` of the assignees; rejected as soon as the remaining
 * votes can no longer reach it, so nobody waits for a vote that cannot change the result.
 */
export const voteStepKind: StepKind = {
  kind: 'vote',
  title: { 'zh-CN': '票签', en: 'Ratio vote' },
  ordered: false,
  pending: notYetVoted,
  decide(task, vote, spec) {
    const next = withVote(task, vote);
    const ratio = spec.ratio ?? DEFAULT_RATIO;
    const total = next.assignees.length;
    const approvals = next.votes.filter((v) => v.decision === 'approve').length;
    const rejections = next.votes.length - approvals;
    const reached = approvals >= ratio * total;
    const unreachable = total - rejections < ratio * total;
    if (vote.decision === 'approve') return { task: next, decided: reached };
    return { task: next, decided: unreachable };
  },
};
