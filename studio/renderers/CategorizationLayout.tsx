import { useState } from 'react';
import { Collapse, Tabs } from 'antd';
import { deriveLabelForUISchemaElement, type Category, type Categorization, type LayoutProps } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { useFormTranslate, useFormWidth } from './context';
import { LayoutChildren } from './LayoutChildren';

/** Tabs on desktop; on a phone a Collapse, because a row of tabs does not fit 360 px and hides sections. */
function CategorizationLayoutView({ uischema, schema, path, enabled, visible, renderers, cells }: LayoutProps) {
  const phone = useFormWidth() === 'phone';
  const t = useFormTranslate();
  const [active, setActive] = useState('0');
  if (!visible) return null;
  const categories = ((uischema as Categorization).elements ?? []).filter((e): e is Category => e.type === 'Category');
  const items = categories.map((category, index) => ({
    key: String(index),
    label: deriveLabelForUISchemaElement(category, t) ?? String(index + 1),
    children: <LayoutChildren elements={category.elements ?? []} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />,
  }));
  if (phone) {
    return <Collapse className="sj-categorization" items={items} defaultActiveKey={['0']} style={{ marginBottom: 16 }} />;
  }
  return <Tabs className="sj-categorization" items={items} activeKey={active} onChange={setActive} />;
}

export const CategorizationLayout = withJsonFormsLayoutProps(CategorizationLayoutView);
export { categorizationLayoutTester } from './testers';
