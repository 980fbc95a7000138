import type { FormIssue } from '../../runtime/form';
import type { ProblemFieldError } from '../api/client';

/** A problem with the form data at a JSON pointer, with zh-CN and en messages (runtime/form's FormIssue). */
export type FormIssueLike = FormIssue;

/**
 * Field errors of a refused request as form issues, so ShijianForm shows each at its field.
 * `pointerPrefix` is cut off when the server points into a wrapper (`/data/title` → `/title`).
 */
export function issuesFromProblem(errors: readonly ProblemFieldError[], pointerPrefix = ''): FormIssue[] {
  return errors.map((e) => ({
    pointer: pointerPrefix && e.pointer.startsWith(pointerPrefix) ? e.pointer.slice(pointerPrefix.length) : e.pointer,
    code: e.code,
    message: typeof e.message === 'string' ? { 'zh-CN': e.message, en: e.message } : e.message,
  }));
}
