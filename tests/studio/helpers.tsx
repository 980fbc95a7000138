import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { FormDefinition } from '../../runtime/schema/form';
import type { FormIssueLike } from '../../studio/forms/issues';
import { ShijianForm, type FormData, type ShijianFormProps } from '../../studio/forms/ShijianForm';
import { loadLocale } from '../../studio/i18n';
import { preloadRenderers } from '../../studio/renderers';

// English and the less common renderers load on demand in the studio; the forms rendered here expect
// both at once (what a field looks like while its renderer is on its way is tested on its own).
await Promise.all([loadLocale('en'), preloadRenderers()]);

/** A form definition from a schema, a UI schema and zh-CN/en labels keyed like JSON Forms' i18n. */
export function defineForm(
  schema: Record<string, unknown>,
  extra: Partial<Pick<FormDefinition, 'uischema' | 'rules' | 'computed'>> & { zh?: Record<string, string>; en?: Record<string, string> } = {},
): FormDefinition {
  return {
    kind: 'form',
    key: 'test-form',
    version: 1,
    title: { 'zh-CN': '测试表单', en: 'Test form' },
    schema: { type: 'object', ...schema },
    ...(extra.uischema ? { uischema: extra.uischema } : {}),
    i18n: { 'zh-CN': extra.zh ?? {}, en: extra.en ?? {} },
    rules: extra.rules ?? [],
    computed: extra.computed ?? [],
  };
}

export function renderForm(form: FormDefinition, props: Partial<ShijianFormProps> = {}, wrap: (node: ReactElement) => ReactElement = (n) => n) {
  const onChange = vi.fn<(data: FormData, issues: FormIssueLike[]) => void>();
  const utils = render(wrap(<ShijianForm form={form} data={{}} onChange={onChange} {...props} />));
  const lastData = (): FormData => onChange.mock.calls.at(-1)?.[0] ?? {};
  return { ...utils, onChange, lastData };
}
