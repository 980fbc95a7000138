import { definitionSchemas, isDefinitionKind, type DefinitionKind } from '../schema/kinds';
import { compareText, createLintContext } from './context';
import { lintRules } from './registry';
import { schemaProblems } from './schema-problems';
import type { DefinitionDocument, LintContext, LintRule, ParsedDefinition, Problem, Report, Severity } from './types';

/**
 * Lints a set of definition documents and returns every problem at once, sorted by file, pointer and
 * code. Pure and total: it never throws, whatever the input; a rule that throws becomes an
 * `internal-error` problem naming the rule, so one faulty rule cannot hide the others' findings.
 *
 * Each document is first checked against its kind's zod schema; the cross-document rules (references,
 * bundles, forms, labels, workflows, rubrics) then run on the documents that passed.
 *
 * @example
 * lintDefinitions([{ file: 'items/a.json', json: { kind: 'serviceItem', key: 'a', version: 1, … } }])
 * // → [{ file: 'items/a.json', pointer: '/category', code: 'unresolved-reference', severity: 'error', message: {…} }]
 */
export function lintDefinitions(documents: readonly DefinitionDocument[], rules: readonly LintRule[] = lintRules): Problem[] {
  const problems: Problem[] = [];
  const parsed: ParsedDefinition[] = [];
  const failed: { kind: DefinitionKind; key: string }[] = [];
  for (const document of documents) {
    const result = parseDocument(document);
    if ('parsed' in result) {
      parsed.push(result.parsed);
      continue;
    }
    problems.push(...result.problems);
    const { kind, key } = (document.json ?? {}) as Record<string, unknown>;
    if (isDefinitionKind(kind) && typeof key === 'string') failed.push({ kind, key });
  }
  problems.push(...runRules(parsed, createLintContext(parsed, failed), rules));
  return sortProblems(problems);
}

/**
 * Lints one draft against the definitions around it (a registry, a bundle) and returns only the
 * draft's problems. A context document with the draft's file or the draft's (kind, key, version) is the
 * draft's previous text and is left out, so editing a draft never reports it as its own duplicate.
 */
export function lintDefinition(
  document: DefinitionDocument,
  context: readonly DefinitionDocument[],
  rules: readonly LintRule[] = lintRules,
): Problem[] {
  const draftIdentity = identityOf(document.json);
  const others = context.filter(
    (other) => other.file !== document.file && (draftIdentity === undefined || identityOf(other.json) !== draftIdentity),
  );
  return lintDefinitions([document, ...others], rules).filter((problem) => problem.file === document.file);
}

/** Counts by severity and by code, for summary lines and dashboards. */
export interface LintSummary {
  errors: number;
  warnings: number;
  /** Files with at least one problem. */
  files: number;
  byCode: Record<string, number>;
}

/**
 * @example
 * summarize(problems) // → { errors: 1, warnings: 2, files: 2, byCode: { 'unresolved-reference': 1, 'label-missing-en': 2 } }
 */
export function summarize(problems: readonly Problem[]): LintSummary {
  const byCode: Record<string, number> = {};
  const files = new Set<string>();
  let errors = 0;
  for (const problem of problems) {
    if (problem.severity === 'error') errors++;
    files.add(problem.file);
    byCode[problem.code] = (byCode[problem.code] ?? 0) + 1;
  }
  return { errors, warnings: problems.length - errors, files: files.size, byCode };
}

/** The deterministic order of problems: file, pointer, code, then message, by code point. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      compareText(a.pointer, b.pointer) ||
      compareText(a.code, b.code) ||
      compareText(a.message['zh-CN'], b.message['zh-CN']) ||
      compareText(a.message.en ?? '', b.message.en ?? ''),
  );
}

function parseDocument(document: DefinitionDocument): { parsed: ParsedDefinition } | { problems: Problem[] } {
  const { file, json } = document;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return {
      problems: [
        {
          file,
          pointer: '',
          code: 'not-an-object',
          severity: 'error',
          message: { 'zh-CN': '定义文档必须是 JSON 对象', en: 'A definition document must be a JSON object' },
        },
      ],
    };
  }
  const kind = Object.hasOwn(json, 'kind') ? (json as { kind: unknown }).kind : undefined;
  if (!isDefinitionKind(kind)) {
    const known = Object.keys(definitionSchemas).join(', ');
    return {
      problems: [
        {
          file,
          pointer: '/kind',
          code: 'unknown-kind',
          severity: 'error',
          message: {
            'zh-CN': `未知的定义类型 ${describe(kind, '（缺失）')}，应为：${known}`,
            en: `Unknown definition kind ${describe(kind, '(missing)')}; expected one of: ${known}`,
          },
        },
      ],
    };
  }
  const result = definitionSchemas[kind].safeParse(json);
  if (!result.success) return { problems: schemaProblems(file, json, result.error.issues) };
  return { parsed: { file, kind, definition: result.data } as ParsedDefinition };
}

function runRules(parsed: readonly ParsedDefinition[], context: LintContext, rules: readonly LintRule[]): Problem[] {
  const problems: Problem[] = [];
  for (const rule of rules) {
    const kinds: readonly string[] = rule.kinds;
    for (const definition of parsed) {
      if (!kinds.includes(definition.kind)) continue;
      // Fields in the contract's order, so --json output and API bodies read the same for every rule.
      const report: Report = ({ pointer, code, severity, message, params }) =>
        problems.push({
          file: definition.file,
          pointer,
          code,
          severity: severity ?? ('error' satisfies Severity),
          message,
          ...(params === undefined ? {} : { params }),
        });
      try {
        rule.check(definition, context, report);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push({
          file: definition.file,
          pointer: '',
          code: 'internal-error',
          severity: 'error',
          message: { 'zh-CN': `检查规则“${rule.name}”内部出错：${reason}`, en: `Lint rule "${rule.name}" failed: ${reason}` },
          params: { rule: rule.name },
        });
      }
    }
  }
  return problems;
}

function identityOf(json: unknown): string | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const { kind, key, version } = json as Record<string, unknown>;
  return typeof kind === 'string' && typeof key === 'string' && typeof version === 'number' ? `${kind}/${key}/${version}` : undefined;
}

/** A short rendering of any value for a message; never throws (JSON.stringify does on BigInt and cycles). */
function describe(value: unknown, missing: string): string {
  if (value === undefined) return missing;
  try {
    return JSON.stringify(value)?.slice(0, 60) ?? String(value);
  } catch {
    return typeof value;
  }
}
