import { rankWith, uiTypeIs, type LabelProps } from '@jsonforms/core';
import { withJsonFormsLabelProps } from '@jsonforms/react';

/** Free text between fields (instructions, a section note), translated by JSON Forms from the form's i18n. */
function LabelRendererView({ text, visible }: LabelProps) {
  if (!visible || !text) return null;
  return <p className="sj-label-element">{text}</p>;
}

export const LabelRenderer = withJsonFormsLabelProps(LabelRendererView);
export const labelRendererTester = rankWith(1, uiTypeIs('Label'));
