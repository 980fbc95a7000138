// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const form = defineForm(
  {
    properties: {
      audience: {
        type: 'string',
        oneOf: [
          { const: 'elderly', title: '老年人' },
          { const: 'children', title: '青少年' },
          { const: 'all', title: '全体居民' },
        ],
      },
      town: { type: 'string', enum: ['t1', 't2', 't3', 't4', 't5', 't6'] },
      topics: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['theory', 'culture', 'health', 'law'] } },
      online: { type: 'boolean' },
    },
    required: ['audience'],
  },
  {
    zh: {
      'audience.label': '服务对象',
      'town.label': '所属镇街',
      'town.t1': '丰乐镇',
      'town.t2': '高坝镇',
      'town.t3': '金羊镇',
      'town.t4': '黄羊镇',
      'town.t5': '武南镇',
      'town.t6': '清源镇',
      'topics.label': '活动主题',
      'topics.theory': '理论宣讲',
      'topics.culture': '文化文艺',
      'topics.health': '健康促进',
      'topics.law': '法律服务',
      'online.label': '线上活动',
    },
    en: { 'audience.label': 'Audience', 'audience.elderly': 'Elderly', 'town.label': 'Town' },
  },
);

describe('EnumControl', () => {
  test('four or fewer choices are radio buttons labelled with the oneOf titles', async () => {
    const { lastData } = renderForm(form);
    const group = screen.getByRole('radiogroup');
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    fireEvent.click(screen.getByLabelText('青少年'));
    await waitFor(() => expect(lastData().audience).toBe('children'));
  });

  test('translations override oneOf titles by value', () => {
    renderForm(form, { locale: 'en' });
    expect(screen.getByLabelText('Elderly')).toBeTruthy();
    expect(screen.getByText('Audience')).toBeTruthy();
  });

  test('more than four choices become a searchable select with translated options', async () => {
    const { lastData } = renderForm(form);
    const select = screen.getByRole('combobox');
    expect(select.id).toContain('town');
    fireEvent.mouseDown(select);
    const option = await screen.findByTitle('黄羊镇');
    fireEvent.click(option);
    await waitFor(() => expect(lastData().town).toBe('t4'));
  });
});

describe('MultiEnumControl', () => {
  test('an array of enum values is a checkbox group and keeps the schema order', async () => {
    const { lastData } = renderForm(form);
    fireEvent.click(screen.getByLabelText('法律服务'));
    fireEvent.click(screen.getByLabelText('理论宣讲'));
    await waitFor(() => expect(lastData().topics).toEqual(['theory', 'law']));
    fireEvent.click(screen.getByLabelText('法律服务'));
    fireEvent.click(screen.getByLabelText('理论宣讲'));
    await waitFor(() => expect('topics' in lastData()).toBe(false));
  });
});

describe('BooleanControl', () => {
  test('a switch labelled in Chinese', async () => {
    const { lastData } = renderForm(form);
    const toggle = screen.getByRole('switch', { name: /线上活动/ });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(lastData().online).toBe(true));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });
});
