// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { ReferenceLookupContext } from '../../../studio/renderers/context';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const form = defineForm(
  { properties: { station: { type: 'string' } }, required: ['station'] },
  { uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/station', options: { ref: 'orgUnit' } }] }, zh: { 'station.label': '所属站点' } },
);

describe('ReferenceControl', () => {
  test('offers the referenced records by name and stores the id', async () => {
    const asked: string[] = [];
    const lookup = async (ref: string) => {
      asked.push(ref);
      return [{ value: 'ou-12', label: '丰乐镇新时代文明实践所' }];
    };
    const wrap = (node: ReactElement) => <ReferenceLookupContext.Provider value={lookup}>{node}</ReferenceLookupContext.Provider>;
    const { lastData } = renderForm(form, {}, wrap);
    const select = await screen.findByRole('combobox', { name: /所属站点/ });
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByTitle('丰乐镇新时代文明实践所'));
    await waitFor(() => expect(lastData().station).toBe('ou-12'));
    expect(asked).toEqual(['orgUnit']);
  });

  test('without a lookup it is a text field', async () => {
    const { lastData } = renderForm(form);
    const input = screen.getByLabelText(/所属站点/);
    expect(input.tagName).toBe('INPUT');
    fireEvent.change(input, { target: { value: 'ou-99' } });
    await waitFor(() => expect(lastData().station).toBe('ou-99'));
  });

  test("shows each record in the reader's language where it has both, and read-only shows the name, not the key", async () => {
    const lookup = async () => [{ value: 'free-clinic', label: '义诊巡诊', labels: { 'zh-CN': '义诊巡诊', en: 'Free clinic' } }];
    const wrap = (node: ReactElement) => <ReferenceLookupContext.Provider value={lookup}>{node}</ReferenceLookupContext.Provider>;
    // What the field shows, whether antd's Select has loaded (its content) or not yet (the stand-in's value).
    const shown = (container: HTMLElement) => {
      const field = container.querySelector('[data-field="#/properties/station"] .sj-control')!;
      return [field.textContent, ...[...field.querySelectorAll('input')].map((input) => input.value)].join(' ');
    };
    const readonly = renderForm(form, { data: { station: 'free-clinic' }, readonly: true }, wrap);
    await waitFor(() => expect(shown(readonly.container)).toContain('义诊巡诊'));
    expect(shown(readonly.container)).not.toContain('free-clinic');
    cleanup();
    const english = renderForm(form, { data: { station: 'free-clinic' }, locale: 'en' }, wrap);
    await waitFor(() => expect(shown(english.container)).toContain('Free clinic'));
  });
});
