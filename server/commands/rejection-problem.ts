import type { Rejection } from '../engine/port';
import { problems, type ProblemError } from '../errors';

function text(message: { 'zh-CN': string; en?: string | undefined }): string {
  return message.en === undefined ? message['zh-CN'] : `${message['zh-CN']} / ${message.en}`;
}

/** The HTTP face of an engine refusal. Exhaustive over the rejection codes, so a new code does not compile unmapped. */
export function rejectionProblem(rejection: Rejection): ProblemError {
  const detail = text(rejection.message);
  switch (rejection.code) {
    case 'actor-not-allowed':
      return problems.forbidden(detail);
    case 'stale-revision':
      return problems.preconditionFailed(detail);
    case 'form-invalid':
      return problems.validation(
        rejection.issues.map((issue) => ({ pointer: `/data${issue.pointer}`, code: issue.code, message: text(issue.message) })),
        detail,
      );
    case 'guard-false':
      return problems.unprocessable('guard-false', 'Refused by a guard', detail, { rule: rejection.expression });
    case 'instance-final':
    case 'event-not-available':
    case 'timer-not-pending':
    case 'withdraw-too-late':
    case 'remind-too-soon':
    case 'definition-mismatch':
      return problems.conflict(detail, { code: rejection.code });
    case 'form-unknown':
    case 'expression-failed':
    case 'target-invalid':
    case 'no-higher-level':
      return problems.unprocessable(rejection.code, 'Refused by the workflow', detail, { rule: rejection.code });
    default: {
      const unknown: never = rejection;
      return problems.unprocessable('rejected', 'Refused by the workflow', JSON.stringify(unknown));
    }
  }
}
