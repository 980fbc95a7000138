// @vitest-environment happy-dom
/**
 * A lazy control loads when the person reaches for it; on a slow network they may have moved on before it
 * arrives, and it must not pull the focus back (what they type next would land in it). Its own file: the
 * loaded control is cached per module, and this needs it not loaded yet.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);
const LOAD = { timeout: 10_000 };

const form = defineForm(
  { properties: { day: { type: 'string', format: 'date' }, title: { type: 'string' } } },
  { zh: { 'day.label': '活动日期', 'title.label': '活动名称' } },
);

describe('a lazy control that arrives after the person moved on', () => {
  test('replaces its placeholder but leaves the focus where the person went', async () => {
    renderForm(form, { data: {} });
    const box = (await screen.findByLabelText(/活动日期/)) as HTMLInputElement;
    const title = screen.getByLabelText(/活动名称/) as HTMLInputElement;
    expect(document.querySelector('.ant-picker')).toBeNull();
    box.focus();
    // Tab onward before the calendar's code has arrived.
    title.focus();
    await waitFor(() => expect(document.querySelector('.ant-picker')).not.toBeNull(), LOAD);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(title);
  });
});
