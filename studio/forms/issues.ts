/** A problem with the form data at a JSON pointer, with zh-CN and en messages (runtime/form's FormIssue). */
export type { FormIssue as FormIssueLike } from '../../runtime/form';
