// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ShijianForm } from '../../studio/forms/ShijianForm';
import { defineForm, renderForm } from './helpers';

afterEach(cleanup);
beforeEach(() => localStorage.clear());

const form = defineForm(
  {
    properties: {
      online: { type: 'boolean' },
      link: { type: 'string' },
      venue: { type: 'string' },
      adults: { type: 'integer', minimum: 0 },
      children: { type: 'integer', minimum: 0 },
      total: { type: 'integer' },
      title: { type: 'string' },
    },
    required: ['title'],
  },
  {
    zh: { 'online.label': '线上活动', 'link.label': '直播链接', 'venue.label': '活动场所', 'adults.label': '成人', 'children.label': '儿童', 'total.label': '总人数', 'title.label': '活动名称' },
    rules: [
      { scope: '#/properties/link', effect: 'SHOW', when: 'has(data.online) && data.online == true' },
      { scope: '#/properties/venue', effect: 'DISABLE', when: 'has(data.online) && data.online == true' },
    ],
    computed: [{ scope: '#/properties/total', expression: '(has(data.adults) ? int(data.adults) : 0) + (has(data.children) ? int(data.children) : 0)' }],
  },
);

describe('expression rules', () => {
  test('a SHOW rule reveals a field when its condition holds, and hides it again', async () => {
    renderForm(form);
    expect(screen.queryByLabelText(/直播链接/)).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: /线上活动/ }));
    expect(await screen.findByLabelText(/直播链接/)).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: /线上活动/ }));
    await waitFor(() => expect(screen.queryByLabelText(/直播链接/)).toBeNull());
  });

  test('a DISABLE rule disables a field', async () => {
    renderForm(form);
    const venue = screen.getByLabelText(/活动场所/) as HTMLInputElement;
    expect(venue.disabled).toBe(false);
    fireEvent.click(screen.getByRole('switch', { name: /线上活动/ }));
    await waitFor(() => expect((screen.getByLabelText(/活动场所/) as HTMLInputElement).disabled).toBe(true));
  });
});

describe('computed fields', () => {
  test('are filled in from other fields, shown read-only and marked 自动计算', async () => {
    const { lastData } = renderForm(form, { data: { adults: 2 } });
    const total = screen.getByLabelText(/总人数/) as HTMLInputElement;
    expect(total.readOnly).toBe(true);
    expect(total.closest('.sj-field')?.textContent).toContain('自动计算');
    await waitFor(() => expect(total.value).toBe('2'));
    fireEvent.change(screen.getByLabelText(/儿童/), { target: { value: '3' } });
    await waitFor(() => expect(lastData().total).toBe(5));
    await waitFor(() => expect((screen.getByLabelText(/总人数/) as HTMLInputElement).value).toBe('5'));
  });
});

describe('errors', () => {
  test('submitting reveals every message, in Chinese, and does not call onSubmit', async () => {
    const onSubmit = vi.fn();
    renderForm(form, { onSubmit });
    expect(screen.queryByText('此项为必填项')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '提 交' }));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('还有 1 处需要修改');
    expect(onSubmit).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/活动名称/)));
  });

  test('onChange reports issues with pointers and bilingual messages', async () => {
    const { onChange } = renderForm(form);
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    const issues = onChange.mock.calls.at(-1)![1];
    expect(issues).toContainEqual(expect.objectContaining({ pointer: '/title', message: expect.objectContaining({ 'zh-CN': '此项为必填项' }) }));
  });
});

describe('drafts', () => {
  test('typed data is saved on this device, restored with a notice on the next visit, and cleared on submit', async () => {
    const first = render(<ShijianForm form={form} data={{}} draftKey="activity-42" />);
    fireEvent.change(screen.getByLabelText(/活动名称/), { target: { value: '重阳敬老' } });
    await waitFor(() => expect(localStorage.getItem('shijian.draft.activity-42')).toContain('重阳敬老'), { timeout: 2000 });
    first.unmount();

    const onSubmit = vi.fn();
    render(<ShijianForm form={form} data={{}} draftKey="activity-42" onSubmit={onSubmit} />);
    expect((screen.getByLabelText(/活动名称/) as HTMLInputElement).value).toBe('重阳敬老');
    expect(screen.getByText(/已恢复 .* 保存的草稿/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提 交' }));
    });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: '重阳敬老' })));
    expect(localStorage.getItem('shijian.draft.activity-42')).toBeNull();
  });

  test('a failed submit keeps the draft', async () => {
    const onSubmit = vi.fn(async () => {
      throw new Error('网络中断');
    });
    render(<ShijianForm form={form} data={{}} draftKey="d2" onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/活动名称/), { target: { value: '读书会' } });
    await waitFor(() => expect(localStorage.getItem('shijian.draft.d2')).toContain('读书会'), { timeout: 2000 });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提 交' }));
    });
    expect(await screen.findByText('网络中断')).toBeTruthy();
    expect(localStorage.getItem('shijian.draft.d2')).toContain('读书会');
  });

  test('discarding a restored draft goes back to the given data', async () => {
    localStorage.setItem('shijian.draft.d3', JSON.stringify({ savedAt: '2026-11-01T08:00:00Z', data: { title: '旧草稿' } }));
    render(<ShijianForm form={form} data={{ title: '原始' }} draftKey="d3" />);
    expect((screen.getByLabelText(/活动名称/) as HTMLInputElement).value).toBe('旧草稿');
    fireEvent.click(screen.getByRole('button', { name: /放弃草稿/ }));
    await waitFor(() => expect((screen.getByLabelText(/活动名称/) as HTMLInputElement).value).toBe('原始'));
    expect(localStorage.getItem('shijian.draft.d3')).toBeNull();
  });
});

describe('readonly', () => {
  test('every control is disabled', () => {
    renderForm(form, { readonly: true, data: { title: '只读' } });
    expect((screen.getByLabelText(/活动名称/) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('switch', { name: /线上活动/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('a required field carries no required marker: nothing is asked of the reader', () => {
    const { unmount } = renderForm(form, { data: { title: '可编辑' } });
    const marker = () => screen.getByLabelText(/活动名称/).closest('.sj-field')?.querySelector('.sj-required');
    expect(marker()).toBeTruthy();
    unmount();
    renderForm(form, { readonly: true, data: { title: '只读' } });
    expect(marker()).toBeNull();
  });
});

describe('server issues', () => {
  test('a 422 problem from onSubmit shows each message at its field until the field changes', async () => {
    const { ApiError } = await import('../../studio/api/client');
    const onSubmit = vi.fn(async () => {
      throw new ApiError({ type: 'validation', title: '校验失败', status: 422, errors: [{ pointer: '/title', code: 'duplicate', message: { 'zh-CN': '同名活动已存在', en: 'Exists' } }] });
    });
    renderForm(form, { onSubmit, data: { title: '重阳敬老' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提 交' }));
    });
    expect(await screen.findByText('同名活动已存在')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/活动名称/), { target: { value: '重阳敬老 2' } });
    await waitFor(() => expect(screen.queryByText('同名活动已存在')).toBeNull());
  });

  test('serverIssues given as a prop are shown at once', () => {
    renderForm(form, { data: { title: '甲' }, serverIssues: [{ pointer: '/title', code: 'taken', message: { 'zh-CN': '名称已被占用' } }] });
    expect(screen.getByText('名称已被占用')).toBeTruthy();
  });
});

describe('schema defaults', () => {
  test('a new form starts with the defaults selected and reports them in onChange', async () => {
    const withDefault = defineForm(
      { properties: { urgency: { type: 'string', enum: ['normal', 'urgent'], default: 'normal' } } },
      { zh: { 'urgency.label': '紧急程度', 'urgency.normal': '一般', 'urgency.urgent': '紧急' } },
    );
    const { lastData } = renderForm(withDefault);
    expect((screen.getByLabelText('一般') as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(lastData().urgency).toBe('normal'));
  });
});

describe('offline', () => {
  test('losing the connection says the input is kept on this device; coming back removes the notice', async () => {
    render(<ShijianForm form={form} data={{}} draftKey="offline-1" />);
    expect(screen.queryByText(/网络已断开/)).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(await screen.findByText(/网络已断开/)).toBeTruthy();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(screen.queryByText(/网络已断开/)).toBeNull());
  });
});

describe('draft safety and hidden fields', () => {
  test('what was typed just before the form closes is saved at once, not lost with the timer', () => {
    const view = render(<ShijianForm form={form} data={{}} draftKey="quick" />);
    fireEvent.change(screen.getByLabelText(/活动名称/), { target: { value: '刚输入的' } });
    return waitFor(() => expect(screen.getByLabelText<HTMLInputElement>(/活动名称/).value).toBe('刚输入的')).then(async () => {
      // JSON Forms reports the change after 10 ms; the draft timer would wait 400 ms more.
      await act(async () => new Promise((r) => setTimeout(r, 30)));
      expect(localStorage.getItem('shijian.draft.quick')).toBeNull();
      view.unmount();
      expect(localStorage.getItem('shijian.draft.quick')).toContain('刚输入的');
    });
  });

  test('a required field hidden by a rule neither shows a message nor blocks submitting', async () => {
    const conditional = defineForm(
      { properties: { online: { type: 'boolean' }, link: { type: 'string' } }, required: ['link'] },
      { zh: { 'online.label': '线上活动', 'link.label': '直播链接' }, rules: [{ scope: '#/properties/link', effect: 'SHOW', when: 'has(data.online) && data.online == true' }] },
    );
    const onSubmit = vi.fn();
    renderForm(conditional, { onSubmit });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提 交' }));
    });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('switch', { name: /线上活动/ }));
    await act(async () => {
      // antd keeps the loading icon (named "loading") for a moment after the first submit.
      fireEvent.click(screen.getByRole('button', { name: /提\s?交/ }));
    });
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
