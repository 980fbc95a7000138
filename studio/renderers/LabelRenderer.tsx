import { Typography } from 'antd';
import { rankWith, uiTypeIs, type LabelProps } from '@jsonforms/core';
import { withJsonFormsLabelProps } from '@jsonforms/react';

function LabelRendererView({ text, visible }: LabelProps) {
  if (!visible || !text) return null;
  return <Typography.Paragraph className="sj-label-element">{text}</Typography.Paragraph>;
}

export const LabelRenderer = withJsonFormsLabelProps(LabelRendererView);
export const labelRendererTester = rankWith(1, uiTypeIs('Label'));
