import { rankWith, uiTypeIs, type LayoutProps } from '@jsonforms/core';
import { withJsonFormsLayoutProps } from '@jsonforms/react';
import { LayoutChildren, elementsOf } from './LayoutChildren';

function VerticalLayoutView({ uischema, schema, path, enabled, visible, renderers, cells }: LayoutProps) {
  if (!visible) return null;
  return (
    <div className="sj-vertical">
      <LayoutChildren elements={elementsOf(uischema)} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
    </div>
  );
}

export const VerticalLayout = withJsonFormsLayoutProps(VerticalLayoutView);
export const verticalLayoutTester = rankWith(1, uiTypeIs('VerticalLayout'));
