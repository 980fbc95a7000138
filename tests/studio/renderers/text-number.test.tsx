// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const form = defineForm(
  {
    properties: {
      name: { type: 'string', minLength: 2 },
      story: { type: 'string' },
      hours: { type: 'number', minimum: 0.5, maximum: 8, multipleOf: 0.5 },
      people: { type: 'integer', minimum: 1, maximum: 100 },
    },
    required: ['name', 'people'],
  },
  {
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/name' },
        { type: 'Control', scope: '#/properties/story', options: { multi: true } },
        { type: 'Control', scope: '#/properties/hours' },
        { type: 'Control', scope: '#/properties/people' },
      ],
    },
    zh: { 'name.label': '姓名', 'story.label': '活动纪实', 'hours.label': '服务时长', 'people.label': '参与人数' },
    en: { 'name.label': 'Name', 'story.label': 'Story', 'hours.label': 'Hours', 'people.label': 'People' },
  },
);

describe('TextControl', () => {
  test('shows the Chinese label with a required marker and writes what is typed', async () => {
    const { lastData } = renderForm(form);
    const input = screen.getByLabelText(/姓名/) as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(input.closest('.sj-field')?.querySelector('.sj-required')).not.toBeNull();
    fireEvent.change(input, { target: { value: '张三' } });
    await waitFor(() => expect(lastData().name).toBe('张三'));
    fireEvent.change(input, { target: { value: '' } });
    await waitFor(() => expect('name' in lastData()).toBe(false));
  });

  test('says in Chinese what is wrong, only after the field was touched', async () => {
    renderForm(form);
    const input = screen.getByLabelText(/姓名/);
    fireEvent.change(input, { target: { value: '张' } });
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('张'));
    expect(screen.queryByText('至少 2 个字符')).toBeNull();
    fireEvent.blur(input);
    expect(await screen.findByText('至少 2 个字符')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  test('English labels and messages when the locale is en', async () => {
    renderForm(form, { locale: 'en' });
    const input = screen.getByLabelText(/Name/);
    fireEvent.blur(input);
    expect(await screen.findByText('This field is required')).toBeTruthy();
  });
});

describe('TextAreaControl', () => {
  test('options.multi gives a textarea', async () => {
    const { lastData } = renderForm(form);
    const area = screen.getByLabelText(/活动纪实/);
    expect(area.tagName).toBe('TEXTAREA');
    fireEvent.change(area, { target: { value: '第一行\n第二行' } });
    await waitFor(() => expect(lastData().story).toBe('第一行\n第二行'));
  });
});

describe('NumberControl and IntegerControl', () => {
  test('numbers are stored as numbers; the step comes from multipleOf', async () => {
    const { lastData } = renderForm(form);
    const hours = screen.getByLabelText(/服务时长/) as HTMLInputElement;
    fireEvent.change(hours, { target: { value: '2.5' } });
    await waitFor(() => expect(lastData().hours).toBe(2.5));
    fireEvent.keyDown(hours, { key: 'ArrowUp', code: 'ArrowUp', keyCode: 38, which: 38 });
    await waitFor(() => expect(lastData().hours).toBe(3));
  });

  test('out of range shows the limit in Chinese instead of silently clamping', async () => {
    const { lastData } = renderForm(form);
    const people = screen.getByLabelText(/参与人数/);
    fireEvent.change(people, { target: { value: '150' } });
    fireEvent.blur(people);
    await waitFor(() => expect(lastData().people).toBe(150));
    expect(await screen.findByText('不能大于 100')).toBeTruthy();
    fireEvent.change(people, { target: { value: '0' } });
    expect(await screen.findByText('不能小于 1')).toBeTruthy();
  });

  test('an integer field has no decimals', async () => {
    const { lastData } = renderForm(form);
    const people = screen.getByLabelText(/参与人数/);
    fireEvent.change(people, { target: { value: '12' } });
    await waitFor(() => expect(lastData().people).toBe(12));
    expect(Number.isInteger(lastData().people)).toBe(true);
  });
});
