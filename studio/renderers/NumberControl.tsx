import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { NumberInput } from './NumberInput';

function NumberControlView(props: ControlProps) {
  return <NumberInput {...props} integer={false} />;
}

export const NumberControl = withJsonFormsControlProps(NumberControlView);
export { numberControlTester } from './testers';
