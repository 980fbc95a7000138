import type { ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { NumberInput } from './NumberInput';

function IntegerControlView(props: ControlProps) {
  return <NumberInput {...props} integer />;
}

export const IntegerControl = withJsonFormsControlProps(IntegerControlView);
export { integerControlTester } from './testers';
