import type { CSSProperties } from 'react';
import { rankWith, uiTypeIs, type LayoutProps } from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsLayoutProps } from '@jsonforms/react';
import { useFormWidth } from './context';
import { elementsOf } from './LayoutChildren';

/**
 * Side by side on desktop; stacked on a phone, judged by the form's own width rather than the window's.
 * antd's 24-column grid in plain CSS (renderers.css): its Row and Col watch the window's breakpoints, which
 * this layout never uses, and cost every phone form a few KB.
 */
function HorizontalLayoutView({ uischema, schema, path, enabled, visible, renderers, cells }: LayoutProps) {
  const phone = useFormWidth() === 'phone';
  if (!visible) return null;
  const elements = elementsOf(uischema);
  const span = phone ? 24 : Math.max(1, Math.floor(24 / Math.max(1, elements.length)));
  const width: CSSProperties = { flexBasis: `${(span / 24) * 100}%`, maxWidth: `${(span / 24) * 100}%` };
  return (
    <div className={`sj-horizontal${phone ? '' : ' sj-horizontal-gutter'}`}>
      {elements.map((child, index) => (
        <div key={`${path}-${index}`} className={`sj-col sj-col-${span}`} style={width}>
          <JsonFormsDispatch uischema={child} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
        </div>
      ))}
    </div>
  );
}

export const HorizontalLayout = withJsonFormsLayoutProps(HorizontalLayoutView);
export const horizontalLayoutTester = rankWith(1, uiTypeIs('HorizontalLayout'));
