import { Col, Row } from 'antd';
import { rankWith, uiTypeIs, type LayoutProps } from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsLayoutProps } from '@jsonforms/react';
import { useFormWidth } from './context';
import { elementsOf } from './LayoutChildren';

/** Side by side on desktop; stacked on a phone, judged by the form's own width rather than the window's. */
function HorizontalLayoutView({ uischema, schema, path, enabled, visible, renderers, cells }: LayoutProps) {
  const phone = useFormWidth() === 'phone';
  if (!visible) return null;
  const elements = elementsOf(uischema);
  const span = phone ? 24 : Math.max(1, Math.floor(24 / Math.max(1, elements.length)));
  return (
    <Row gutter={phone ? 0 : 16} className="sj-horizontal">
      {elements.map((child, index) => (
        <Col key={`${path}-${index}`} span={span}>
          <JsonFormsDispatch uischema={child} schema={schema} path={path} enabled={enabled} renderers={renderers} cells={cells} />
        </Col>
      ))}
    </Row>
  );
}

export const HorizontalLayout = withJsonFormsLayoutProps(HorizontalLayoutView);
export const horizontalLayoutTester = rankWith(1, uiTypeIs('HorizontalLayout'));
