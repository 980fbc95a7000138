// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, describe, expect, test } from 'vitest';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

// The calendar is a chunk of its own loaded when the field is first reached; a busy machine may take seconds.
const LOAD = { timeout: 10_000 };

const form = defineForm(
  {
    properties: {
      day: { type: 'string', format: 'date' },
      startsAt: { type: 'string', format: 'date-time' },
    },
    required: ['day'],
  },
  { zh: { 'day.label': '活动日期', 'startsAt.label': '开始时间' } },
);

describe('DateControl', () => {
  // First in the file: once the calendar's chunk has loaded, later fields get the picker straight away.
  test('the calendar is mounted only once the person reaches for the field; Tab keeps the focus on it', async () => {
    renderForm(form, { data: { day: '2026-03-05' } });
    const box = (await screen.findByLabelText(/活动日期/)) as HTMLInputElement;
    expect(box.value).toBe('2026-03-05');
    expect(document.querySelector('.ant-picker')).toBeNull();
    box.focus();
    await waitFor(() => expect(document.querySelector('.ant-picker')).not.toBeNull(), LOAD);
    expect(document.activeElement?.id).toBe(box.id);
    expect(screen.queryByTitle('2026-03-18')).toBeNull();
    const picker = screen.getByLabelText(/活动日期/);
    fireEvent.mouseDown(picker);
    fireEvent.click(picker);
    expect(await screen.findByTitle('2026-03-18', undefined, LOAD)).toBeTruthy();
  });


  test('shows a stored day and stores a picked day as YYYY-MM-DD', async () => {
    const { lastData } = renderForm(form, { data: { day: '2026-03-05' } });
    const input = await screen.findByLabelText(/活动日期/) as HTMLInputElement;
    expect(input.value).toBe('2026-03-05');
    fireEvent.mouseDown(input);
    fireEvent.click(input);
    const cell = await screen.findByTitle('2026-03-18', undefined, LOAD);
    fireEvent.click(cell);
    await waitFor(() => expect(lastData().day).toBe('2026-03-18'));
  });

  test('the picker speaks Chinese', async () => {
    renderForm(form, { data: { day: '2026-03-05' } });
    const input = await screen.findByLabelText(/活动日期/);
    expect(input.getAttribute('placeholder')).toBe('选择日期');
    fireEvent.mouseDown(input);
    fireEvent.click(input);
    expect(await screen.findByText('今天', undefined, LOAD)).toBeTruthy();
  });
});

describe('DateTimeControl', () => {
  test('shows date and time of an ISO string with offset, in local time', async () => {
    const stored = '2026-03-05T14:30:00+08:00';
    renderForm(form, { data: { day: '2026-03-05', startsAt: stored } });
    const input = await screen.findByLabelText(/开始时间/) as HTMLInputElement;
    expect(input.value).toBe(dayjs(stored).format('YYYY-MM-DD HH:mm'));
  });

  test('picking a day and confirming stores ISO 8601 with an offset', async () => {
    const { lastData } = renderForm(form, { data: { day: '2026-03-05', startsAt: '2026-03-05T14:30:00+08:00' } });
    const input = await screen.findByLabelText(/开始时间/);
    fireEvent.mouseDown(input);
    fireEvent.click(input);
    fireEvent.click(await screen.findByTitle('2026-03-20', undefined, LOAD));
    fireEvent.click(await screen.findByText(/^确\s?定$/, undefined, LOAD));
    await waitFor(() => expect(String(lastData().startsAt)).toMatch(/^2026-03-20T\d\d:\d\d:00[+-]\d\d:\d\d$/));
  });
});
