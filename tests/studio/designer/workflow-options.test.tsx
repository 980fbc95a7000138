// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import type { JsonSchema } from '../../../runtime/expression';
import { LocaleProvider } from '../../../studio/i18n';
import { StateInspector } from '../../../studio/designer/workflow/StateInspector';
import { TransitionInspector } from '../../../studio/designer/workflow/TransitionInspector';
import { formKeysOf } from '../../../studio/designer/workflow/use-form-schemas';
import type { WorkflowBody } from '../../../studio/designer/workflow/workflow-model';
import { lintErrors, packBody } from './pack';

afterEach(cleanup);

const pristine = packBody<WorkflowBody>('workflow', 'five-order');
const forms: Record<string, JsonSchema> = Object.fromEntries(formKeysOf(pristine).map((key) => [key, packBody<{ schema: JsonSchema }>('form', key).schema]));
// "recall" has a form, and no guard, effects or variables yet.
const from = 'dispatched';
const index = pristine.states[from]!.transitions!.findIndex((t) => t.event === 'recall');

function mountTransition() {
  let current = pristine;
  function Host() {
    const [body, setBody] = useState(pristine);
    return (
      <TransitionInspector
        body={body}
        from={from}
        index={index}
        forms={Object.keys(forms)}
        formSchemas={forms}
        problems={[]}
        onChange={(next) => {
          current = next;
          setBody(next);
        }}
        onRemoved={() => undefined}
      />
    );
  }
  render(
    <LocaleProvider initial="zh-CN">
      <Host />
    </LocaleProvider>,
  );
  return { latest: () => current, transition: () => current.states[from]!.transitions![index]! };
}

async function choose(combobox: HTMLElement, option: string) {
  fireEvent.mouseDown(combobox);
  const dropdown = () => [...document.querySelectorAll(`.ant-select-item-option[title="${option}"]`)].at(-1);
  await waitFor(() => expect(dropdown()).toBeTruthy());
  fireEvent.click(dropdown()!);
}

describe('guard picker in the transition settings', { timeout: 120_000 }, () => {
  test('a role condition and a variable threshold, picked without typing, give CEL that type-checks and lints clean', async () => {
    const { latest, transition } = mountTransition();
    const picker = within(document.querySelector('[data-guard-picker]') as HTMLElement);
    expect(picker.getByText('没有前置条件：任何允许的人都可以执行。')).toBeTruthy();
    fireEvent.click(picker.getByRole('button', { name: /按操作人角色/ }));
    await waitFor(() => expect(transition().guard).toBe('actor.roles.exists(r, r.role == "stationAdmin")'));
    await choose(picker.getByRole('combobox', { name: '条件 1 的角色' }), '所管理员');
    await waitFor(() => expect(transition().guard).toBe('actor.roles.exists(r, r.role == "instituteAdmin")'));

    fireEvent.click(picker.getByRole('button', { name: /按字段或变量/ }));
    await waitFor(() => expect(document.querySelector('[data-guard-condition="2"]')).not.toBeNull());
    fireEvent.mouseDown(picker.getByRole('combobox', { name: '条件 2 的字段' }));
    fireEvent.change(picker.getByRole('combobox', { name: '条件 2 的字段' }), { target: { value: 'escalationCount' } });
    await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="escalationCount（escalationCount）"]')).not.toBeNull());
    fireEvent.click(document.querySelector('.ant-select-item-option[title="escalationCount（escalationCount）"]')!);
    await choose(picker.getByRole('combobox', { name: '条件 2 的比较方式' }), '小于');
    await act(async () => {
      fireEvent.change(picker.getByLabelText('条件 2 的值'), { target: { value: '2' } });
    });
    await waitFor(() => expect(transition().guard).toBe('(actor.roles.exists(r, r.role == "instituteAdmin")) && (vars.escalationCount < 2)'));
    expect(picker.getByText('✓ 条件类型检查通过')).toBeTruthy();
    await choose(picker.getByRole('combobox', { name: '条件组合方式' }), '满足任一条件');
    await waitFor(() => expect(transition().guard).toContain(' || '));
    expect(lintErrors(latest())).toEqual([]);
  });

  test('experts still type CEL; an expression the picker cannot read stays as typed, and a type error shows at once', async () => {
    const { transition } = mountTransition();
    const picker = within(document.querySelector('[data-guard-picker]') as HTMLElement);
    await act(async () => {
      fireEvent.change(picker.getByLabelText('前置条件'), { target: { value: 'vars.declineCount + vars.noShowCount > 2' } });
    });
    expect(transition().guard).toBe('vars.declineCount + vars.noShowCount > 2');
    expect(picker.getByText(/此条件是直接写成的表达式/)).toBeTruthy();
    expect(document.querySelector('[data-guard-check=ok]')).not.toBeNull();
    await act(async () => {
      fireEvent.change(picker.getByLabelText('前置条件'), { target: { value: 'vars.escalationCount == "two"' } });
    });
    expect(document.querySelector('[data-guard-check=error]')).not.toBeNull();
  });
});

describe('transition effects and step options', { timeout: 120_000 }, () => {
  test('a notification to the initiator and a webhook are added and edited; variables are set from a list', async () => {
    const { latest, transition } = mountTransition();
    const effects = within(document.querySelector('[data-effects]') as HTMLElement);
    fireEvent.click(effects.getByRole('button', { name: /添加通知/ }));
    await waitFor(() => expect(transition().effects).toEqual([{ notify: { to: [{ initiator: true }], message: 'workflow.updated' } }]));
    await act(async () => {
      fireEvent.change(effects.getByLabelText('第 1 项通知消息'), { target: { value: 'order.dispatched' } });
    });
    fireEvent.click(effects.getByRole('button', { name: /添加接收角色/ }));
    await waitFor(() => expect(transition().effects[0]).toEqual({ notify: { to: [{ initiator: true }, { role: 'stationAdmin', at: 'unit' }], message: 'order.dispatched' } }));
    fireEvent.click(effects.getByRole('button', { name: /添加 Webhook/ }));
    await waitFor(() => expect(transition().effects[1]).toEqual({ webhook: { event: 'workflow.updated' } }));
    fireEvent.click(effects.getByRole('button', { name: '删除第 2 项附带动作' }));
    await waitFor(() => expect(transition().effects.length).toBe(1));

    fireEvent.click(screen.getByRole('button', { name: /添加设置流程变量/ }));
    await waitFor(() => expect(transition().set).toEqual({ declineCount: 'vars.declineCount' }));
    await act(async () => {
      fireEvent.change(screen.getByLabelText('设置流程变量 第 1 行表达式'), { target: { value: 'vars.declineCount + 1' } });
    });
    expect(transition().set).toEqual({ declineCount: 'vars.declineCount + 1' });
    expect(lintErrors(latest())).toEqual([]);
  });

  test('pool, transfer and add-signer are switched on for a step, and a timer sends back to a chosen state', async () => {
    let current = pristine;
    function Host() {
      const [body, setBody] = useState(pristine);
      return <StateInspector body={body} stateKey="pending_dispatch" problems={[]} onChange={(next) => (current = next, setBody(next))} />;
    }
    render(
      <LocaleProvider initial="zh-CN">
        <Host />
      </LocaleProvider>,
    );
    const options = within(document.querySelector('[data-task-options]') as HTMLElement);
    fireEvent.click(options.getByLabelText(/抢单/));
    await waitFor(() => expect(current.states.pending_dispatch!.task!.pool).toEqual({ role: 'teamLeader', at: 'any' }));
    fireEvent.click(options.getByLabelText('允许转交'));
    fireEvent.click(options.getByLabelText('在本人之后'));
    await waitFor(() => expect(current.states.pending_dispatch!.task).toMatchObject({ transfer: true, addSigner: ['after'] }));
    const timer = document.querySelector('[data-timer]') as HTMLElement | null;
    expect(timer).not.toBeNull();
    await choose(within(timer!).getByRole('combobox', { name: '到期时' }), '超时处理');
    await choose(within(timer!).getByRole('combobox', { name: '超时处理' }), '自动退回');
    await waitFor(() => expect(current.states.pending_dispatch!.timers![0]).toMatchObject({ action: 'sendBack', target: expect.any(String) }));
    expect(current.states.pending_dispatch!.timers![0]!.event).toBeUndefined();
  });
});
