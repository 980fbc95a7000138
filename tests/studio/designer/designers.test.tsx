// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from '@testing-library/react';
import { LocaleProvider } from '../../../studio/i18n';
import type { DefinitionBody, LintProblem } from '../../../studio/designer/designer-api';
import FormDesigner from '../../../studio/designer/form/FormDesigner';
import RubricDesigner from '../../../studio/designer/rubric/RubricDesigner';
import { StartSettings } from '../../../studio/designer/workflow/StartSettings';
import { WorkflowDiagram, type Selection } from '../../../studio/designer/workflow/WorkflowDiagram';
import type { WorkflowBody } from '../../../studio/designer/workflow/workflow-model';
import { packBody } from './pack';

afterEach(cleanup);

type Editor = typeof FormDesigner;

/** The editor with its body held in state, as DefinitionEditorPage holds it; `latest()` reads what was written. */
function mount(Editor: Editor, initial: DefinitionBody, problems: LintProblem[] = []) {
  let current = initial;
  function Host() {
    const [body, setBody] = useState(initial);
    return (
      <Editor
        body={body}
        problems={problems}
        definitionKey={String(initial.key)}
        onChange={(next) => {
          current = next;
          setBody(next);
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

describe('form designer', () => {
  test('adds a field, selects it, and a problem at its pointer shows at the field in Chinese', async () => {
    const problem: LintProblem = { file: 'x', pointer: '/schema/properties/summary/maxLength', code: 'demo', severity: 'error', message: { 'zh-CN': '最多字数须为正整数', en: 'maxLength must be positive' } };
    const { latest } = mount(FormDesigner, packBody('form', 'order-completion'), [problem]);
    const summary = document.querySelector('[data-field=summary]')!;
    expect(summary.textContent).toContain('服务情况');
    fireEvent.change(screen.getByLabelText('新字段标识'), { target: { value: 'followUp' } });
    fireEvent.change(screen.getByLabelText('新字段中文名称'), { target: { value: '回访安排' } });
    fireEvent.click(screen.getByRole('button', { name: /添加字段/ }));
    await waitFor(() => expect(document.querySelector('[data-inspector=followUp]')).not.toBeNull());
    const schema = latest().schema as { properties: Record<string, { title: string }> };
    expect(schema.properties.followUp?.title).toBe('回访安排');
    // A bad key is refused before anything changes.
    fireEvent.change(screen.getByLabelText('新字段标识'), { target: { value: 'Bad key' } });
    fireEvent.change(screen.getByLabelText('新字段中文名称'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: /添加字段/ }));
    expect(await screen.findByText('字段标识须以小写字母开头，只含字母和数字')).toBeTruthy();
    fireEvent.click(within(summary as HTMLElement).getByRole('button', { name: '服务情况' }));
    await waitFor(() => expect(document.querySelector('[data-inspector=summary]')?.textContent).toContain('最多字数须为正整数'));
  });
});

describe('rubric designer', () => {
  test('running totals turn red when an item changes and green when the section is balanced', async () => {
    const { latest } = mount(RubricDesigner as Editor, packBody('rubric', 'station-rubric'));
    const subtotal = () => document.querySelector('[data-subtotal=activity]')!;
    expect(subtotal().getAttribute('data-ok')).toBe('true');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('细则 C2 分值'), { target: { value: '10' } });
    });
    await waitFor(() => expect(subtotal().getAttribute('data-ok')).toBe('false'));
    expect(subtotal().textContent).toContain('27 / 25');
    expect(document.querySelector('[data-total]')!.getAttribute('data-ok')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: /按细则重新合计/ }));
    await waitFor(() => expect(document.querySelector('[data-total]')!.getAttribute('data-ok')).toBe('true'));
    expect((latest() as { totalPoints: number }).totalPoints).toBe(102);
  });
});

describe('workflow diagram', () => {
  test('draws every state and transition, and a click selects what was clicked', () => {
    const body = packBody<WorkflowBody>('workflow', 'five-order');
    const selections: Selection[] = [];
    render(
      <LocaleProvider initial="zh-CN">
        <WorkflowDiagram body={body} selection={undefined} onSelect={(s) => selections.push(s)} />
      </LocaleProvider>,
    );
    expect(document.querySelectorAll('[data-state]').length).toBe(Object.keys(body.states).length);
    const transitions = Object.values(body.states).reduce((n, s) => n + (s.transitions ?? []).length, 0);
    expect(document.querySelectorAll('[data-edge]').length).toBeGreaterThanOrEqual(transitions);
    fireEvent.click(document.querySelector('[data-state=dispatched]')!);
    fireEvent.click(document.querySelector('[data-edge="dispatched:accept:accepted"]')!);
    expect(selections).toEqual([{ type: 'state', key: 'dispatched' }, { type: 'transition', from: 'dispatched', index: 0 }]);
  });
});

describe('workflow start settings', () => {
  test('removing a starter role leaves the others and the start form', () => {
    const body = packBody<WorkflowBody>('workflow', 'five-order');
    let written: WorkflowBody | undefined;
    render(
      <LocaleProvider initial="zh-CN">
        <StartSettings body={body} forms={['service-order']} onChange={(next) => (written = next)} />
      </LocaleProvider>,
    );
    const starters = within(screen.getByRole('group', { name: '谁可以发起' }));
    fireEvent.click(starters.getAllByRole('button', { name: '删除' })[0]!);
    expect(written?.start.allow).toEqual(body.start.allow.slice(1));
    expect(written?.start.form).toBe('service-order');
  });
});
