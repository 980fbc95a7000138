// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { ReferenceLookupContext } from '../../../studio/renderers/context';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const form = defineForm(
  { properties: { attendees: { type: 'array', items: { type: 'string' }, minItems: 1 }, teams: { type: 'array', items: { type: 'string' }, uniqueItems: true } } },
  {
    uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/attendees' }, { type: 'Control', scope: '#/properties/teams', options: { ref: 'team' } }] },
    zh: { 'attendees.label': '参会人员', 'teams.label': '参与队伍' },
  },
);

describe('TagsControl', () => {
  test('free texts are added with Enter or split at commas', async () => {
    const { lastData } = renderForm(form);
    const input = screen.getByRole('combobox', { name: /参会人员/ });
    fireEvent.change(input, { target: { value: '张三' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(lastData().attendees).toEqual(['张三']));
    // Pasting a list separated by Chinese commas or 、 splits it into entries.
    fireEvent.change(input, { target: { value: '李四，王五、' } });
    await waitFor(() => expect(lastData().attendees).toEqual(['张三', '李四', '王五']));
  });

  test('options.ref with a lookup in context offers the referenced records by name', async () => {
    const lookup = async (ref: string) => (ref === 'team' ? [{ value: 'team-7', label: '红马甲志愿服务队' }] : []);
    const wrap = (node: ReactElement) => <ReferenceLookupContext.Provider value={lookup}>{node}</ReferenceLookupContext.Provider>;
    const { lastData } = renderForm(form, {}, wrap);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: /参与队伍/ }));
    fireEvent.click(await screen.findByTitle('红马甲志愿服务队'));
    await waitFor(() => expect(lastData().teams).toEqual(['team-7']));
  });
});
