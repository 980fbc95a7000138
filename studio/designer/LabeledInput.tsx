import { Input, Space, type InputProps } from 'antd';
import type { ReactNode } from 'react';

/** An input with its label joined on the left (antd 6 replaced `addonBefore` with Space.Addon). */
export function LabeledInput({ label, ...props }: InputProps & { label: ReactNode }) {
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Space.Addon style={{ whiteSpace: 'nowrap' }}>{label}</Space.Addon>
      <Input {...props} />
    </Space.Compact>
  );
}
