// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const schema = {
  properties: {
    name: { type: 'string' },
    phone: { type: 'string' },
    address: { type: 'object', properties: { town: { type: 'string' }, village: { type: 'string' } }, required: ['town'] },
    matrix: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
  },
};
const zh = {
  'name.label': '姓名',
  'phone.label': '电话',
  'address.label': '地址',
  'address.town.label': '乡镇',
  'address.village.label': '村（社区）',
  基本信息: '基本信息',
  联系方式: '联系方式',
  说明: '请如实填写',
};

const horizontal = {
  type: 'VerticalLayout',
  elements: [
    { type: 'Label', text: '说明' },
    { type: 'Group', label: '基本信息', elements: [{ type: 'HorizontalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }, { type: 'Control', scope: '#/properties/phone' }] }] },
    { type: 'Control', scope: '#/properties/address' },
  ],
};

const categorized = {
  type: 'Categorization',
  elements: [
    { type: 'Category', label: '基本信息', elements: [{ type: 'Control', scope: '#/properties/name' }] },
    { type: 'Category', label: '联系方式', elements: [{ type: 'Control', scope: '#/properties/phone' }] },
  ],
};

describe('layouts', () => {
  test('HorizontalLayout puts fields side by side on desktop and stacks them on a phone', () => {
    const form = defineForm(schema, { uischema: horizontal, zh });
    renderForm(form, { width: 'desktop' });
    const desktopCols = [...document.querySelectorAll('.sj-horizontal > .sj-col')].map((c) => c.className);
    expect(desktopCols).toHaveLength(2);
    expect(desktopCols.every((c) => c.includes('sj-col-12'))).toBe(true);
    cleanup();
    renderForm(form, { width: 'phone' });
    const phoneCols = [...document.querySelectorAll('.sj-horizontal > .sj-col')].map((c) => c.className);
    expect(phoneCols.every((c) => c.includes('sj-col-24'))).toBe(true);
  });

  test('GroupLayout is a card titled from the translations; LabelRenderer shows translated text', () => {
    renderForm(defineForm(schema, { uischema: horizontal, zh }));
    expect(document.querySelector('.sj-group .sj-panel-title')?.textContent).toBe('基本信息');
    expect(screen.getByText('请如实填写')).toBeTruthy();
  });

  test('ObjectControl shows a nested object as a titled group with its own labelled fields', async () => {
    const { lastData } = renderForm(defineForm(schema, { uischema: horizontal, zh }));
    expect(document.querySelector('.sj-object .sj-panel-title')?.textContent).toBe('地址');
    fireEvent.change(screen.getByLabelText(/乡镇/), { target: { value: '丰乐镇' } });
    await waitFor(() => expect(lastData().address).toEqual({ town: '丰乐镇' }));
  });

  test('CategorizationLayout: tabs on desktop', async () => {
    renderForm(defineForm(schema, { uischema: categorized, zh }), { width: 'desktop' });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['基本信息', '联系方式']);
    fireEvent.click(tabs[1]!);
    expect(await screen.findByLabelText(/电话/)).toBeTruthy();
  });

  test('CategorizationLayout: a collapse on a phone, first section open', () => {
    renderForm(defineForm(schema, { uischema: categorized, zh }), { width: 'phone' });
    expect(screen.queryByRole('tab')).toBeNull();
    expect(document.querySelectorAll('.ant-collapse-item')).toHaveLength(2);
    expect(screen.getByLabelText(/姓名/)).toBeTruthy();
  });
});

describe('UnknownRenderer', () => {
  test('anything no renderer supports is shown as a visible notice, not dropped', () => {
    renderForm(defineForm(schema, { uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/matrix' }, { type: 'Timeline' }] }, zh }));
    const notices = screen.getAllByRole('note');
    expect(notices).toHaveLength(2);
    expect(notices[0]!.textContent).toContain('此字段类型暂不支持');
    expect(notices[0]!.textContent).toContain('#/properties/matrix');
  });

  test('in English too', () => {
    renderForm(defineForm(schema, { uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/matrix' }] }, zh }), { locale: 'en' });
    expect(screen.getByRole('note').textContent).toContain('Unsupported field');
  });
});

describe('long layouts', () => {
  test('paint the first fields at once and render the rest in the background', async () => {
    const { FIRST_BATCH } = await import('../../../studio/renderers/LayoutChildren');
    const { createRoot } = await import('react-dom/client');
    const { ShijianForm } = await import('../../../studio/forms/ShijianForm');
    const properties = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, { type: 'string' }]));
    // Outside act(): act would flush the deferred pass together with the first one and hide the difference.
    const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    try {
      const counts: number[] = [];
      const observer = new MutationObserver(() => counts.push(host.querySelectorAll('.sj-field').length));
      observer.observe(host, { childList: true, subtree: true });
      root.render(<ShijianForm form={defineForm({ properties })} data={{}} />);
      // Generous: batches follow paints, and a busy machine paints late; the assertion is about the first paint.
      await waitFor(() => expect(host.querySelectorAll('.sj-field')).toHaveLength(100), { timeout: 15_000 });
      observer.disconnect();
      const firstPaint = counts.find((n) => n > 0);
      expect(firstPaint).toBe(FIRST_BATCH);
    } finally {
      root.unmount();
      host.remove();
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
  });
});
