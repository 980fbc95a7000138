import type { LocalizedText } from '../schema/common';
import type { DefinitionKind, DefinitionOf } from '../schema/kinds';

export type Severity = 'error' | 'warning';

/** One problem found in a definition: where (file + JSON pointer), what (stable code), and why, in both languages. */
export interface Problem {
  file: string;
  /** RFC 6901 JSON pointer into the document, '' for the whole document. */
  pointer: string;
  code: string;
  severity: Severity;
  message: LocalizedText;
  /** Machine-readable details, e.g. the zod issue code of a `schema-invalid` or the checker's code of an `expression-invalid`. */
  params?: Record<string, string | number | boolean>;
}

/** A definition document as read from disk or received over the API, before validation. */
export interface DefinitionDocument {
  file: string;
  json: unknown;
}

/**
 * A document that passed its kind's schema; rules beyond the schema run only on these. A union over the
 * kinds (not one object with a union inside) so `kind` narrows `definition`, and so rules of different
 * kinds combine in one array.
 */
export type ParsedDefinition<K extends DefinitionKind = DefinitionKind> = {
  [P in K]: { file: string; kind: P; definition: DefinitionOf<P> };
}[K];

/** What a rule sees of the whole set: lookups by kind and key, so references can be resolved. */
export interface LintContext {
  readonly definitions: readonly ParsedDefinition[];
  /** All versions of kind/key in the set, newest last. */
  find<K extends DefinitionKind>(kind: K, key: string): ParsedDefinition<K>[];
  /** The version of kind/key a reference resolves to: the given version, else the newest in the set. */
  resolve<K extends DefinitionKind>(kind: K, key: string, version?: number): ParsedDefinition<K> | undefined;
  /**
   * True when a document of kind/key is in the set but failed its schema. Its problems are already
   * reported on its own file, so a rule may skip references to it instead of repeating the fault.
   */
  failedSchema?(kind: DefinitionKind, key: string): boolean;
}

export type Report = (problem: Omit<Problem, 'file' | 'severity'> & { severity?: Severity }) => void;

/**
 * A check the schema cannot express. A rule receives each parsed definition of the kinds it names and
 * reports problems; it must never throw (the linter turns a thrown error into an internal-error problem).
 */
export interface LintRule<K extends DefinitionKind = DefinitionKind> {
  /** Stable problem code prefix and the rule's name, e.g. `workflow-unreachable-state`. */
  name: string;
  kinds: readonly K[];
  check(definition: ParsedDefinition<K>, context: LintContext, report: Report): void;
}

/** Helper for rule files: keeps `kinds` and the `definition` parameter's type in step. */
export function defineRule<K extends DefinitionKind>(rule: LintRule<K>): LintRule<K> {
  return rule;
}
