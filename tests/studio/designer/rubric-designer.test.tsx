// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { LocaleProvider } from '../../../studio/i18n';
import type { LintProblem } from '../../../studio/designer/designer-api';
import RubricDesigner from '../../../studio/designer/rubric/RubricDesigner';
import type { RubricBody } from '../../../studio/designer/rubric/rubric-model';
import { lintErrors, packBody } from './pack';

afterEach(cleanup);

function mount(initial: RubricBody, problems: LintProblem[] = []) {
  let current = initial;
  function Host() {
    const [body, setBody] = useState(initial);
    return (
      <RubricDesigner
        body={body}
        problems={problems}
        definitionKey={initial.key}
        onChange={(next) => {
          current = next as RubricBody;
          setBody(next as RubricBody);
        }}
      />
    );
  }
  render(
    <LocaleProvider initial="zh-CN">
      <Host />
    </LocaleProvider>,
  );
  return { latest: () => current };
}

async function choose(combobox: HTMLElement, option: string, search?: string) {
  fireEvent.mouseDown(combobox);
  // Long lists are virtual: only what a search leaves is in the DOM.
  if (search) fireEvent.change(combobox, { target: { value: search } });
  await waitFor(() => expect(document.querySelector(`.ant-select-item-option[title="${option}"]`)).not.toBeNull());
  fireEvent.click(document.querySelector(`.ant-select-item-option[title="${option}"]`)!);
}

describe('rubric designer: items, modes, sections, vetoes and bonus', { timeout: 120_000 }, () => {
  test('an item switched to 评审打分 gets options reaching its points; the options edit without JSON and stay lint clean', async () => {
    const { latest } = mount(packBody<RubricBody>('rubric', 'station-rubric'));
    await choose(screen.getByRole('combobox', { name: '细则 C2 评分方式' }), '评审打分');
    await waitFor(() => expect(document.querySelector('[data-item-editor=c2]')).not.toBeNull());
    const c2 = () => latest().sections[2]!.items[1]!;
    expect(c2().scoring).toEqual({ mode: 'judgement', options: [{ points: 0, title: { 'zh-CN': '未达到', en: 'Not met' } }, { points: 8, title: { 'zh-CN': '完全达到', en: 'Fully met' } }] });
    const editor = within(document.querySelector('[data-item-editor=c2]') as HTMLElement);
    fireEvent.click(editor.getByRole('button', { name: /添加可选分值/ }));
    await waitFor(() => expect(c2().scoring).toMatchObject({ options: [{}, {}, { points: 4 }] }));
    await act(async () => {
      fireEvent.change(editor.getByLabelText('第 3 个选项说明'), { target: { value: '基本达到' } });
    });
    expect(c2().scoring).toMatchObject({ options: [{}, {}, { points: 4, title: { 'zh-CN': '基本达到' } }] });
    expect(lintErrors(latest())).toEqual([]);
    // The running totals did not move: the mode changes how points are earned, not how many.
    expect(document.querySelector('[data-subtotal=activity]')!.getAttribute('data-ok')).toBe('true');
  });

  test('a metric item picks another metric from the catalogue and shows what it counts', async () => {
    const { latest } = mount(packBody<RubricBody>('rubric', 'station-rubric'));
    fireEvent.click(screen.getByRole('button', { name: '编辑细则 A2' }));
    const editor = within(document.querySelector('[data-item-editor=a2]') as HTMLElement);
    await choose(editor.getByRole('combobox', { name: '细则 A2 数据指标' }), '功能室数 · rooms-count', 'rooms-count');
    await waitFor(() => expect(latest().sections[0]!.items[1]!.scoring).toMatchObject({ mode: 'metric', metric: { key: 'rooms-count' } }));
    expect(document.querySelector('[data-metric-definition]')!.textContent).toContain('功能室');
    await act(async () => {
      fireEvent.change(editor.getByLabelText('指标参数 minCapacity'), { target: { value: '30' } });
    });
    await waitFor(() => expect(latest().sections[0]!.items[1]!.scoring).toMatchObject({ metric: { key: 'rooms-count', params: { minCapacity: 30 } } }));
  });

  test('a lint problem of an item shows inside its editor, at the parameter it concerns', async () => {
    const problem: LintProblem = { file: 'x', pointer: '/sections/3/items/1/scoring/options', code: 'rubric-judgement-options', severity: 'error', message: { 'zh-CN': '没有等于该项分值的选项，该项永远拿不到满分', en: 'x' } };
    mount(packBody<RubricBody>('rubric', 'station-rubric'), [problem]);
    fireEvent.click(screen.getByRole('button', { name: '编辑细则 D2' }));
    const group = within(document.querySelector('[data-item-editor=d2] [data-rows]') as HTMLElement);
    expect(group.getByText(/没有等于该项分值的选项/)).toBeTruthy();
  });

  test('sections are added and renamed, vetoes and bonus items added, with totals that stay right', async () => {
    const { latest } = mount(packBody<RubricBody>('rubric', 'station-rubric'));
    fireEvent.change(screen.getByLabelText('新大项名称（中文）'), { target: { value: '群众评价' } });
    fireEvent.change(screen.getByLabelText('新大项分值'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: /添加大项/ }));
    await waitFor(() => expect(latest().sections.length).toBe(7));
    expect(latest().totalPoints).toBe(104);
    expect(document.querySelector('[data-total]')!.getAttribute('data-ok')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: '重命名大项 VENUE' }));
    await act(async () => {
      fireEvent.change(screen.getByLabelText('大项 VENUE 名称（中文）'), { target: { value: '阵地建设（含场所）' } });
    });
    expect(latest().sections[0]!.title['zh-CN']).toBe('阵地建设（含场所）');

    fireEvent.change(screen.getByLabelText('否决项（中文）'), { target: { value: '拒不整改' } });
    fireEvent.click(screen.getByRole('button', { name: /添加否决项/ }));
    await waitFor(() => expect(latest().vetoes.at(-1)).toMatchObject({ key: 'v6', title: { 'zh-CN': '拒不整改' } }));
    expect(document.querySelector('[data-veto=v6]')).not.toBeNull();

    fireEvent.change(screen.getByLabelText('加分项（中文）'), { target: { value: '媒体报道' } });
    fireEvent.change(screen.getByLabelText('新加分项分值'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: /添加加分项/ }));
    await waitFor(() => expect(latest().bonus!.items.length).toBe(2));
    expect(document.querySelector('[data-bonus-total]')!.textContent).toContain('7 分 / 上限 5 分');
    expect(lintErrors(latest())).toEqual([]);
  });
});
