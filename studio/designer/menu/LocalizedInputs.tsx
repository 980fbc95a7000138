import { Input } from 'antd';
import type { LocalizedText } from '../../../runtime/schema/common';
import { useT } from '../i18n';

/** zh-CN and English side by side; an emptied English text is dropped rather than stored empty. */
export function LocalizedInputs({ value, onChange, name, multiline = false }: { value: LocalizedText | undefined; onChange(value: LocalizedText): void; name: string; multiline?: boolean }) {
  const t = useT();
  const Field = multiline ? Input.TextArea : Input;
  const zh = value?.['zh-CN'] ?? '';
  const en = value?.en ?? '';
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
      <Field aria-label={t('designer.menu.zhOf', { name })} placeholder={t('designer.menu.zhOf', { name })} value={zh} onChange={(e) => onChange({ 'zh-CN': e.target.value, ...(en ? { en } : {}) })} />
      <Field aria-label={t('designer.menu.enOf', { name })} placeholder={t('designer.menu.enOf', { name })} value={en} onChange={(e) => onChange({ 'zh-CN': zh, ...(e.target.value ? { en: e.target.value } : {}) })} />
    </div>
  );
}
