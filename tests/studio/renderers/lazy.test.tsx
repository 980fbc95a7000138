// @vitest-environment happy-dom
// Not through ../helpers: it loads every renderer up front, and this is about what happens before.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FormDefinition } from '../../../runtime/schema/form';
import { ShijianForm, type FormData } from '../../../studio/forms/ShijianForm';

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
});
