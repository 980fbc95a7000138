// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { FormDefinition } from '../../../runtime/schema/form';
import { LocaleScope } from '../../../studio/i18n';
import { shijianRenderers } from '../../../studio/renderers';
import { Stars } from '../../../studio/renderers/RatingControl';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const form = defineForm(
  {
    properties: {
      stars: { type: 'integer', minimum: 1, maximum: 5 },
      people: { type: 'integer', minimum: 1, maximum: 5 },
    },
    required: ['stars'],
  },
  {
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/stars', options: { format: 'rating' } },
        { type: 'Control', scope: '#/properties/people' },
      ],
    },
    zh: { 'stars.label': '满意度', 'people.label': '参与人数' },
    en: { 'stars.label': 'Stars', 'people.label': 'People' },
  },
);

const group = () => screen.getByRole('radiogroup', { name: /满意度|Stars/ });
const checked = () => within(group()).queryAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true').map((r) => r.getAttribute('data-star'));

describe('RatingControl', () => {
  test('an integer with format rating is five labelled stars; a plain integer stays a number input', () => {
    renderForm(form);
    const stars = within(group()).getAllByRole('radio');
    expect(stars.map((s) => s.getAttribute('aria-label'))).toEqual(['1 星', '2 星', '3 星', '4 星', '5 星']);
    expect(screen.getByLabelText('参与人数').getAttribute('role')).not.toBe('radio');
    expect(screen.getByLabelText('参与人数').closest('.ant-input-number')).not.toBeNull();
  });

  test('a click chooses that many stars and marks them filled', async () => {
    const { lastData } = renderForm(form);
    fireEvent.click(screen.getByRole('radio', { name: '4 星' }));
    await waitFor(() => expect(lastData().stars).toBe(4));
    expect(checked()).toEqual(['4']);
    expect(group().querySelectorAll('.sj-star-filled')).toHaveLength(4);
    expect(within(group()).getByText('4 星（满分 5 星）')).toBeTruthy();
  });

  test('by keyboard: one tab stop, arrows move and choose, Home/End and number keys jump, limits hold', async () => {
    const { lastData } = renderForm(form);
    const tabStops = () => within(group()).getAllByRole('radio').filter((r) => r.tabIndex === 0);
    expect(tabStops().map((r) => r.getAttribute('data-star'))).toEqual(['1']);
    fireEvent.keyDown(tabStops()[0]!, { key: 'ArrowRight' });
    await waitFor(() => expect(lastData().stars).toBe(1));
    fireEvent.keyDown(group(), { key: 'ArrowRight' });
    fireEvent.keyDown(group(), { key: 'ArrowUp' });
    await waitFor(() => expect(lastData().stars).toBe(3));
    expect(tabStops().map((r) => r.getAttribute('data-star'))).toEqual(['3']);
    expect(document.activeElement?.getAttribute('data-star')).toBe('3');
    fireEvent.keyDown(group(), { key: 'End' });
    await waitFor(() => expect(lastData().stars).toBe(5));
    fireEvent.keyDown(group(), { key: 'ArrowRight' });
    fireEvent.keyDown(group(), { key: '9' });
    fireEvent.keyDown(group(), { key: '2' });
    await waitFor(() => expect(lastData().stars).toBe(2));
    fireEvent.keyDown(group(), { key: 'Home' });
    fireEvent.keyDown(group(), { key: 'ArrowLeft' });
    await waitFor(() => expect(lastData().stars).toBe(1));
    expect(checked()).toEqual(['1']);
  });

  test('required: leaving the stars untouched says so in Chinese once the group loses focus', async () => {
    renderForm(form);
    fireEvent.blur(group(), { relatedTarget: null });
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(group().getAttribute('aria-invalid')).toBe('true');
  });

  test('English labels when the locale is en', () => {
    renderForm(form, { locale: 'en', data: { stars: 2 } });
    expect(screen.getByRole('radio', { name: '5 star(s)' })).toBeTruthy();
    expect(within(group()).getByText('2 of 5 stars')).toBeTruthy();
  });

  test('read-only forms show the chosen stars as one image, not buttons', () => {
    renderForm(form, { readonly: true, data: { stars: 3 } });
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    const image = screen.getByRole('img', { name: '3 星（满分 5 星）' });
    expect(image.textContent).toBe('★★★☆☆');
  });

  test('schema format rating works too, and the maximum sets the number of stars', () => {
    renderForm(defineForm({ properties: { score: { type: 'integer', format: 'rating', minimum: 1, maximum: 3 } } }, { zh: { 'score.label': '评分' } }));
    expect(within(screen.getByRole('radiogroup', { name: '评分' })).getAllByRole('radio')).toHaveLength(3);
  });

  test('the tester outranks the number and choice controls only for ratings', () => {
    const ranks = (uischemaOptions: Record<string, unknown>, schema: Record<string, unknown>) =>
      Math.max(...shijianRenderers.map((r) => r.tester({ type: 'Control', scope: '#/properties/x', options: uischemaOptions }, { type: 'object', properties: { x: schema } }, { rootSchema: {}, config: {} })));
    expect(ranks({ format: 'rating' }, { type: 'integer' })).toBe(3);
    expect(ranks({}, { type: 'integer' })).toBe(1);
    expect(ranks({ format: 'rating' }, { type: 'string' })).toBeLessThan(3);
  });

  test('Stars rounds and clamps what it is given', () => {
    render(
      <LocaleScope locale="zh-CN">
        <Stars value={4.4} />
        <Stars value={9} max={5} />
      </LocaleScope>,
    );
    expect(screen.getAllByRole('img').map((i) => i.getAttribute('aria-label'))).toEqual(['4 星（满分 5 星）', '5 星（满分 5 星）']);
  });

  test('the pack rating form (评单) renders its score as stars', () => {
    const pack = JSON.parse(readFileSync('definitions/liangzhou/forms/order-rating.json', 'utf8')) as FormDefinition;
    renderForm(pack);
    expect(within(screen.getByRole('radiogroup', { name: /满意度/ })).getAllByRole('radio')).toHaveLength(5);
  });
});
