import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../runtime/lint/json-error-offset';

/** Where JSON.parse says an error is, when its message says (V8 gives a position for some errors only). */
function parsePosition(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const match = /at position (\d+)/.exec((error as Error).message);
    return match ? Number(match[1]) : undefined;
  }
}

const broken = fc
  .record({ json: fc.json({ maxDepth: 3 }), at: fc.nat(), insert: fc.constantFrom(',', '}', ']', ':', 'x', '"', '\\', '{', '[', ' 1', '\u0001') })
  .map(({ json, at, insert }) => {
    const cut = at % (json.length + 1);
    return json.slice(0, cut) + insert + json.slice(cut);
  });

describe('jsonErrorOffset', () => {
  it('finds the unexpected token V8 reports without a position', () => {
    const text = '{\n  "kind": "form",\n  "key": x\n}';
    expect(jsonErrorOffset(text)).toBe(text.indexOf('x'));
  });

  it('agrees with JSON.parse wherever JSON.parse names a position', () => {
    fc.assert(
      fc.property(broken, (text) => {
        const position = parsePosition(text);
        fc.pre(position !== undefined);
        expect(jsonErrorOffset(text)).toBe(position);
      }),
      { numRuns: 500 },
    );
  });

  it('never points past the end of the text, and survives deep nesting', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const offset = jsonErrorOffset(text);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
      }),
    );
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
  });
});
