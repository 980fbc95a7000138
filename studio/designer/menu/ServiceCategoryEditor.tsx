import type { VisualEditorProps } from '../editor-types';

export default function Stub(_props: VisualEditorProps) {
  return null;
}
