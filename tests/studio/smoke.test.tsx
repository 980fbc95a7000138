// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { ShijianForm } from '../../studio/forms/ShijianForm';
import type { FormDefinition } from '../../runtime/schema/form';

const form: FormDefinition = {
  kind: 'form', key: 'smoke', version: 1, title: { 'zh-CN': '登记', en: 'Reg' },
  schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  i18n: { 'zh-CN': { 'name.label': '姓名' }, en: { 'name.label': 'Name' } },
  rules: [], computed: [],
};

test('smoke', async () => {
  render(<ShijianForm form={form} data={{}} />);
  expect(await screen.findByLabelText(/姓名/)).toBeTruthy();
  console.log(document.body.innerHTML.slice(0, 1500));
});
