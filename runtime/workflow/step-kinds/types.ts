import type { LocalizedText } from '../../schema/common';
import type { TaskSpec } from '../../schema/workflow';
import type { Task, Vote } from '../types';

/**
 * How the decisions of a step's assignees combine. One file per kind; the registry is keyed by the
 * `kind` written in the definition. A step kind is pure: it sees the task and one vote, nothing else.
 */
export interface StepKind {
  kind: string;
  title: LocalizedText;
  /** Assignees who may decide now (依次: only the next signer). */
  pending(task: Task): string[];
  /** Records a vote; `decided` means the step is finished and the vote's transition is taken. */
  decide(task: Task, vote: Vote, spec: TaskSpec): { task: Task; decided: boolean };
  /** Whether 加签 positions matter (before/after me) or the new signer simply joins the set. */
  ordered: boolean;
}

/** Assignees who have not voted yet, in order. */
export function notYetVoted(task: Task): string[] {
  return task.assignees.filter((user) => !task.votes.some((vote) => vote.by === user));
}

export function withVote(task: Task, vote: Vote): Task {
  return { ...task, votes: [...task.votes, vote] };
}
