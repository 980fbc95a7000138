import { Card } from 'antd';
import { rankWith, uiTypeIs, type LayoutProps } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { useFormWidth } from './context';
import { LayoutChildren, elementsOf } from './LayoutChildren';

function GroupLayoutView({ uischema, schema, path, enabled, visible, renderers, cells, label }: LayoutProps) {
  const phone = useFormWidth() === 'phone';
  if (!visible) return null;
  return (
    <Card title={label || undefined} size={phone ? 'small' : 'medium'} style={{ marginBottom: 16 }} className="sj-group">
      <LayoutChildren elements={elementsOf(uischema)} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
    </Card>
  );
}

export const GroupLayout = withJsonFormsLayoutProps(GroupLayoutView);
export const groupLayoutTester = rankWith(1, uiTypeIs('Group'));
