import type { StepKind } from './types';
import { notYetVoted, withVote } from './types';

/** 或签: any one assignee decides for all; the first decision wins. Also the kind of a single-person task. */
export const anySignStepKind: StepKind = {
  kind: 'anySign',
  title: { 'zh-CN': '或签', en: 'Any one signs' },
  ordered: false,
  pending: notYetVoted,
  decide: (task, vote) => ({ task: withVote(task, vote), decided: true }),
};
