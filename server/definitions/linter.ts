/**
 * The linter, loaded on first use. Loading lazily keeps the server able to start (and serve reads) even if
 * a runtime module the linter needs fails to load; publishing then refuses rather than skipping the lint.
 */
import type { DefinitionDocument, Problem } from '../../runtime/lint/types';

export interface Linter {
  lintDefinitions(documents: readonly DefinitionDocument[]): Problem[];
  lintDefinition(document: DefinitionDocument, context: readonly DefinitionDocument[]): Problem[];
}

let loaded: Promise<Linter> | undefined;

export function loadLinter(): Promise<Linter> {
  loaded ??= import('../../runtime/lint/index').then((module) => ({
    lintDefinitions: (documents) => module.lintDefinitions(documents),
    lintDefinition: (document, context) => module.lintDefinition(document, context),
  }));
  return loaded;
}
