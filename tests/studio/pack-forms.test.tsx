// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { FormDefinition } from '../../runtime/schema/form';
import { ShijianForm } from '../../studio/forms/ShijianForm';
import { preloadRenderers } from '../../studio/renderers';

afterEach(cleanup);
// The rarer renderers load on demand; this checks what every field renders as, once they are in.
beforeAll(() => preloadRenderers());

// happy-dom gives import.meta.url an http scheme, so the path starts from the repository root vitest runs in.
const formsDir = join(process.cwd(), 'definitions/liangzhou/forms');
const forms = readdirSync(formsDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(formsDir, f), 'utf8')) as FormDefinition);

describe('every form of the Liangzhou pack renders with the Shijian renderers', () => {
  test('the pack has forms', () => expect(forms.length).toBeGreaterThan(5));

  test.each(forms.map((f) => [f.key, f] as const))('%s: no unsupported field, Chinese labels, phone and desktop', (_key, form) => {
    for (const width of ['desktop', 'phone'] as const) {
      const { container, unmount } = render(<ShijianForm form={form} data={{}} width={width} />);
      expect(container.querySelectorAll('.sj-unknown'), `${form.key} at ${width}: ${[...container.querySelectorAll('.sj-unknown')].map((e) => e.getAttribute('data-unknown')).join(', ')}`).toHaveLength(0);
      const labels = [...container.querySelectorAll('.sj-label')].map((l) => l.textContent ?? '');
      expect(labels.length, form.key).toBeGreaterThan(0);
      const chinese = labels.filter((l) => /\p{Script=Han}/u.test(l));
      expect(chinese, `${form.key} labels without Chinese: ${labels.filter((l) => !/\p{Script=Han}/u.test(l)).join(' | ')}`).toHaveLength(labels.length);
      unmount();
    }
  });
});
