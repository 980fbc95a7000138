// @vitest-environment happy-dom
// Not through ../helpers: it loads every renderer up front, and this is about what happens before.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FormDefinition } from '../../../runtime/schema/form';
import { ShijianForm, type FormData } from '../../../studio/forms/ShijianForm';
import { lazyRenderer } from '../../../studio/renderers/lazy-renderer';

afterEach(cleanup);

const towns = ['丰乐镇', '高坝镇', '金羊镇', '黄羊镇', '武南镇', '清源镇'];
const form: FormDefinition = {
  kind: 'form',
  key: 'lazy-test',
  version: 1,
  title: { 'zh-CN': '按需加载', en: 'On demand' },
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: '姓名' },
      online: { type: 'boolean', title: '线上活动' },
      town: { type: 'string', title: '所属镇街', oneOf: towns.map((title, i) => ({ const: `t${i + 1}`, title })) },
    },
  },
  i18n: { 'zh-CN': {}, en: {} },
  rules: [],
  computed: [],
};

describe('renderers and widgets that load on demand', () => {
  test('the form shows at once; a field whose renderer is still loading appears when its code is in', async () => {
    render(<ShijianForm form={form} data={{}} />);
    expect(screen.getByLabelText('姓名').tagName).toBe('INPUT');
    expect(screen.queryByRole('switch')).toBeNull();
    expect(await screen.findByRole('switch', { name: '线上活动' })).toBeTruthy();
  });

  test('a choice of many shows the chosen option in a box; pressing it loads the Select, open, and a pick is stored', async () => {
    const onChange = vi.fn<(data: FormData) => void>();
    render(<ShijianForm form={form} data={{ town: 't2' }} onChange={onChange} />);
    const box = screen.getByRole('combobox', { name: '所属镇街' }) as HTMLInputElement;
    expect(box.value).toBe('高坝镇');
    expect(box.readOnly).toBe(true);
    expect(document.querySelector('.ant-select')).toBeNull();
    fireEvent.mouseDown(box);
    fireEvent.click(await screen.findByTitle('黄羊镇'));
    await waitFor(() => expect(onChange.mock.calls.at(-1)?.[0].town).toBe('t4'));
  });

  test('a field drawn while its code was loading keeps its element, and the focus, when the form renders again', async () => {
    const Field = lazyRenderer(async () => ({ count }: { count: number }) => <input aria-label="字段" readOnly value={count} />);
    let bump = () => {};
    function Host() {
      const [count, setCount] = useState(0);
      bump = () => setCount((n) => n + 1);
      return <Field count={count} />;
    }
    render(<Host />);
    const field = await screen.findByLabelText('字段');
    field.focus();
    // The code is in now; the next render must not swap the Suspense-drawn field for a fresh one.
    act(() => bump());
    expect((screen.getByLabelText('字段') as HTMLInputElement).value).toBe('1');
    expect(screen.getByLabelText('字段')).toBe(field);
    expect(document.activeElement).toBe(field);
  });
});
