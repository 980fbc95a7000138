import type { DefinitionBody, LintProblem } from './designer-api';

/** What every visual editor receives: the body being edited, a setter, and the linter's current problems. */
export interface VisualEditorProps<B = DefinitionBody> {
  body: B;
  onChange(body: B): void;
  problems: readonly LintProblem[];
  /** The key of the definition, e.g. for the rubric's impact preview. */
  definitionKey: string;
}

/** Problems whose pointer is `prefix` or lies below it. */
export function problemsAt(problems: readonly LintProblem[], prefix: string): LintProblem[] {
  return problems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`));
}
