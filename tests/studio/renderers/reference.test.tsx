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
});
