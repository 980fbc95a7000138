import type { Locale } from '../i18n';
import type { FormIssueLike } from './issues';
import { pointerToPath } from './paths';

export interface RuleState {
  visible: boolean;
  enabled: boolean;
}

/** What one control needs from the form beyond JSON Forms' own props. */
export interface ControlState {
  visible: boolean;
  enabled: boolean;
  computed: boolean;
  /** The message to show now: only after the field was touched or the form was submitted. */
  error: string | undefined;
}

const VISIBLE_ENABLED: RuleState = { visible: true, enabled: true };

/**
 * Per-field state outside React context. A context value would re-render all 200 controls of a large
 * form whenever any issue or rule changes; with a subscription each control re-renders only when its
 * own snapshot changes (useSyncExternalStore compares snapshots by identity, so they are cached).
 */
export class FormStore {
  private listeners = new Set<() => void>();
  private rules = new Map<string, RuleState>();
  private computed = new Set<string>();
  private issuesByPath = new Map<string, FormIssueLike[]>();
  private localByPath = new Map<string, FormIssueLike[]>();
  /** Issues the server reported (a refused submit), shown at once and until their field changes. */
  private external: FormIssueLike[] = [];
  private touched = new Set<string>();
  private showAll = false;
  private locale: Locale;
  private snapshots = new Map<string, ControlState>();
  private prefixSnapshots = new Map<string, Record<string, string>>();
  private allIssues: FormIssueLike[] = [];

  constructor(locale: Locale) {
    this.locale = locale;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit() {
    for (const listener of [...this.listeners]) listener();
  }

  /** Replaces rules (keyed by data path), computed paths and issues in one go, then notifies once. */
  update(next: { rules?: Map<string, RuleState>; computed?: Set<string>; issues?: FormIssueLike[]; locale?: Locale }) {
    if (next.rules) this.rules = next.rules;
    if (next.computed) this.computed = next.computed;
    if (next.locale) this.locale = next.locale;
    if (next.issues) {
      this.allIssues = next.issues;
      this.localByPath = groupByPath(next.issues);
      this.merge();
    }
    this.emit();
  }

  setExternal(issues: FormIssueLike[]) {
    this.external = issues;
    this.merge();
    this.emit();
  }

  /** Drops server issues at paths whose value the person has since changed. */
  dropExternal(changed: (path: string) => boolean) {
    const kept = this.external.filter((issue) => !changed(pointerToPath(issue.pointer)));
    if (kept.length !== this.external.length) this.setExternal(kept);
  }

  externalIssues(): FormIssueLike[] {
    return this.external;
  }

  private merge() {
    const merged = new Map(this.localByPath);
    for (const [path, issues] of groupByPath(this.external)) merged.set(path, [...(merged.get(path) ?? []), ...issues]);
    this.issuesByPath = merged;
  }

  touch(path: string) {
    if (this.touched.has(path)) return;
    this.touched.add(path);
    this.emit();
  }

  /** Submit pressed: every message becomes visible. */
  revealAll() {
    this.showAll = true;
    this.emit();
  }

  resetTouched() {
    this.touched.clear();
    this.showAll = false;
    this.emit();
  }

  issues(): FormIssueLike[] {
    return this.allIssues;
  }

  isRevealed(path: string): boolean {
    return this.showAll || this.touched.has(path) || this.external.some((issue) => pointerToPath(issue.pointer) === path);
  }

  private message(issue: FormIssueLike): string {
    return issue.message[this.locale] ?? issue.message['zh-CN'] ?? issue.code;
  }

  private ruleFor(path: string): RuleState {
    // A hidden or disabled object hides or disables what is inside it.
    let state = this.rules.get(path) ?? VISIBLE_ENABLED;
    let cut = path.lastIndexOf('.');
    while (cut > 0) {
      const parent = this.rules.get(path.slice(0, cut));
      if (parent) state = { visible: state.visible && parent.visible, enabled: state.enabled && parent.enabled };
      cut = path.lastIndexOf('.', cut - 1);
    }
    return state;
  }

  /** Cached per path: the same object comes back until something about this control changes. */
  controlState(path: string): ControlState {
    const rule = this.ruleFor(path);
    const issues = this.isRevealed(path) ? this.issuesByPath.get(path) : undefined;
    const error = issues && issues.length > 0 ? issues.map((i) => this.message(i)).join('；') : undefined;
    const computed = this.computed.has(path);
    const previous = this.snapshots.get(path);
    if (previous && previous.visible === rule.visible && previous.enabled === rule.enabled && previous.computed === computed && previous.error === error) {
      return previous;
    }
    const next: ControlState = { visible: rule.visible, enabled: rule.enabled, computed, error };
    this.snapshots.set(path, next);
    return next;
  }

  /** Visible messages under `prefix.` keyed by the rest of the path (array rows: `name`, `0.name` …). */
  errorsUnder(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    const start = prefix + '.';
    for (const [path, issues] of this.issuesByPath) {
      if (!path.startsWith(start) || !this.isRevealed(path)) continue;
      out[path.slice(start.length)] = issues.map((i) => this.message(i)).join('；');
    }
    const previous = this.prefixSnapshots.get(prefix);
    if (previous && shallowEqual(previous, out)) return previous;
    this.prefixSnapshots.set(prefix, out);
    return out;
  }
}

function groupByPath(issues: FormIssueLike[]): Map<string, FormIssueLike[]> {
  const byPath = new Map<string, FormIssueLike[]>();
  for (const issue of issues) {
    const path = pointerToPath(issue.pointer);
    byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  }
  return byPath;
}

function shallowEqual(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}
