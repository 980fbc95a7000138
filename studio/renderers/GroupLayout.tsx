import { rankWith, uiTypeIs, type LayoutProps } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { Panel } from '../shell/Panel';
import { useFormWidth } from './context';
import { LayoutChildren, elementsOf } from './LayoutChildren';

function GroupLayoutView({ uischema, schema, path, enabled, visible, renderers, cells, label }: LayoutProps) {
  const phone = useFormWidth() === 'phone';
  if (!visible) return null;
  return (
    <Panel title={label || undefined} small={phone} style={{ marginBottom: 16 }} className="sj-group">
      <LayoutChildren elements={elementsOf(uischema)} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
    </Panel>
  );
}

export const GroupLayout = withJsonFormsLayoutProps(GroupLayoutView);
export const groupLayoutTester = rankWith(1, uiTypeIs('Group'));
