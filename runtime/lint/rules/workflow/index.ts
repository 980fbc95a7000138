import type { LintRule } from '../../types';
import { workflowAmbiguousTransition } from './workflow-ambiguous-transition';
import { workflowAssigneeRule } from './workflow-assignee-rule';
import { workflowCannotFinish } from './workflow-cannot-finish';
import { workflowDeadEnd } from './workflow-dead-end';
import { workflowExpressionInvalid } from './workflow-expression-invalid';
import { workflowFinalExit } from './workflow-final-exit';
import { workflowFormUnresolved } from './workflow-form-unresolved';
import { workflowInitialState } from './workflow-initial-state';
import { workflowRoleUnknown } from './workflow-role-unknown';
import { workflowStepKindUnknown } from './workflow-step-kind-unknown';
import { workflowTimerInvalid } from './workflow-timer-invalid';
import { workflowUnknownState } from './workflow-unknown-state';
import { workflowUnreachableState } from './workflow-unreachable-state';
import { workflowVariableUndeclared } from './workflow-variable-undeclared';

/** Rules for workflow definitions (graph, references, expressions, timers). Owned by the workflow runtime. */
export const workflowRules: LintRule<'workflow'>[] = [
  workflowInitialState,
  workflowUnknownState,
  workflowUnreachableState,
  workflowDeadEnd,
  workflowCannotFinish,
  workflowFinalExit,
  workflowAmbiguousTransition,
  workflowFormUnresolved,
  workflowStepKindUnknown,
  workflowRoleUnknown,
  workflowAssigneeRule,
  workflowTimerInvalid,
  workflowVariableUndeclared,
  workflowExpressionInvalid,
];
