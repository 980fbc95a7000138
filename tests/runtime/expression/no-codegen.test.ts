import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./no-codegen-script.ts', import.meta.url));

describe('expressions run with code generation from strings disabled', () => {
  it('evaluates guards, aggregates, dates, checks, rules and computed values in a child node process', () => {
    const out = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const results = JSON.parse(out) as Record<string, unknown>;
    // Proves the flag was in force: the script's own `new Function` was refused.
    expect(results.codegenBlocked).toBe(true);
    expect(results).toMatchObject({
      guard: { ok: true, value: true },
      sum: { ok: true, value: 5 },
      members: { ok: true, value: 1 },
      days: { ok: true, value: 3 },
      check: { ok: true, type: 'bool' },
      rules: { '#/properties/reason': { visible: true, enabled: true } },
      computed: { total: 4 },
    });
  });
});
