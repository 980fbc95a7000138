import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Agreements between kinds that no single schema can see: the rubric's meeting metrics count meeting
 * records by their `type`, so every type a rubric counts must be one the meeting form can record —
 * otherwise item E2 silently scores zero.
 */
const read = (path: string) => JSON.parse(readFileSync(new URL(`../../definitions/liangzhou/${path}`, import.meta.url), 'utf8')) as unknown;

function meetingTypesCounted(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => meetingTypesCounted(child, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const metric = record.metric as { key?: string; params?: { type?: string; rules?: { type: string }[] } } | undefined;
    if (metric?.key?.startsWith('meeting')) {
      if (metric.params?.type) found.add(metric.params.type);
      for (const rule of metric.params?.rules ?? []) found.add(rule.type);
    }
    Object.values(record).forEach((child) => meetingTypesCounted(child, found));
  }
  return found;
}

describe('meeting types', () => {
  const form = read('forms/meeting-record.json') as { schema: { properties: { type: { enum: string[] } } } };
  const recordable = new Set(form.schema.properties.type.enum);

  for (const rubric of ['station-rubric', 'institute-rubric']) {
    it(`${rubric} counts only meeting types the meeting form records`, () => {
      const counted = meetingTypesCounted(read(`rubrics/${rubric}.json`));
      expect(counted.size).toBeGreaterThan(0);
      for (const type of counted) expect(recordable, `meeting type ${type}`).toContain(type);
    });
  }
});
