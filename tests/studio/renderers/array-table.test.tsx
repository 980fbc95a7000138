// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { RenderObserverContext } from '../../../studio/renderers/context';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const form = defineForm(
  {
    properties: {
      attendees: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            age: { type: 'integer', minimum: 0, maximum: 120 },
            role: { type: 'string', enum: ['volunteer', 'resident'] },
          },
          required: ['name'],
        },
      },
    },
  },
  { zh: { 'attendees.label': '参加人员', 'attendees.name.label': '姓名', 'attendees.age.label': '年龄', 'attendees.role.label': '身份', 'attendees.role.volunteer': '志愿者', 'attendees.role.resident': '居民' } },
);

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `人员${i + 1}`, age: 30 + i }));

function withObserver(renders: string[]) {
  return (node: ReactElement) => <RenderObserverContext.Provider value={(what) => renders.push(what)}>{node}</RenderObserverContext.Provider>;
}

describe('ArrayTableControl', () => {
  test('a table with translated column headers and one row per item', () => {
    renderForm(form, { data: { attendees: rows(3) } });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['*姓名', '年龄', '身份', '操作']);
    expect(screen.getByLabelText('第 2 行 姓名')).toHaveProperty('value', '人员2');
  });

  test('a read-only table has the same headers without the required marker, and no actions column', () => {
    renderForm(form, { readonly: true, data: { attendees: rows(2) } });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['姓名', '年龄', '身份']);
    expect(document.querySelector('.sj-required')).toBeNull();
  });

  test('editing a cell of one row re-renders only that row', async () => {
    const renders: string[] = [];
    const { lastData } = renderForm(form, { data: { attendees: rows(20) } }, withObserver(renders));
    await waitFor(() => expect(renders.length).toBeGreaterThanOrEqual(20));
    renders.length = 0;
    fireEvent.change(screen.getByLabelText('第 8 行 姓名'), { target: { value: '李四' } });
    await waitFor(() => expect((lastData().attendees as { name: string }[])[7]!.name).toBe('李四'));
    await act(async () => new Promise((r) => setTimeout(r, 30)));
    expect(renders.length).toBeGreaterThan(0);
    expect(new Set(renders)).toEqual(new Set(['attendees.7']));
    expect((lastData().attendees as { name: string }[])[6]!.name).toBe('人员7');
  });

  test('add, reorder and remove rows', async () => {
    const { lastData } = renderForm(form, { data: { attendees: rows(2) } });
    fireEvent.click(screen.getByRole('button', { name: /添加一行/ }));
    await waitFor(() => expect(lastData().attendees).toHaveLength(3));
    fireEvent.change(screen.getByLabelText('第 3 行 姓名'), { target: { value: '王五' } });
    await waitFor(() => expect((lastData().attendees as { name: string }[])[2]!.name).toBe('王五'));
    fireEvent.click(screen.getByRole('button', { name: '第 3 行 上移' }));
    await waitFor(() => expect((lastData().attendees as { name: string }[]).map((r) => r.name)).toEqual(['人员1', '王五', '人员2']));
    fireEvent.click(screen.getByRole('button', { name: '第 1 行 删除' }));
    await waitFor(() => expect((lastData().attendees as { name: string }[]).map((r) => r.name)).toEqual(['王五', '人员2']));
  });

  test('cell messages appear in Chinese in the row they concern', async () => {
    renderForm(form, { data: { attendees: [{ name: '甲', age: 30 }, { name: '乙', age: 30 }] } });
    const age = screen.getByLabelText('第 2 行 年龄');
    fireEvent.change(age, { target: { value: '150' } });
    fireEvent.blur(age);
    expect(await screen.findByText('不能大于 120')).toBeTruthy();
    expect(screen.getByText('不能大于 120').closest('tr')?.getAttribute('data-row')).toBe('1');
  });

  test('on a phone each row is a card of labelled fields', () => {
    renderForm(form, { data: { attendees: rows(2) }, width: 'phone' });
    expect(screen.queryByRole('table')).toBeNull();
    expect(document.querySelectorAll('.sj-array-card')).toHaveLength(2);
    expect(screen.getByText('第 1 行')).toBeTruthy();
  });
});
