import { useState } from 'react';
import { Alert, Button, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';
import { addField, addGroup, fieldKeyPattern, fieldTypes, propertiesOf, type FieldType, type FormBody } from './form-model';

/** Adds a field (key, type, labels, group) or a group; the key is checked before anything changes. */
export function AddFieldPanel({ body, onChange, onAdded }: { body: FormBody; onChange(body: FormBody): void; onAdded(key: string): void }) {
  const t = useT();
  const { locale } = useLocale();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [group, setGroup] = useState<number>(-1);
  const [groupZh, setGroupZh] = useState('');
  const [groupEn, setGroupEn] = useState('');
  const [error, setError] = useState<string>();
  const groups = (body.uischema?.elements ?? [])
    .map((element, index) => ({ element, index }))
    .filter(({ element }) => element.type === 'Group')
    .map(({ element, index }) => ({ value: index, label: localized(element.label, locale) || (typeof element.i18n === 'string' ? (body.i18n?.[locale]?.[`${element.i18n}.label`] ?? '') : '') || t('designer.form.group') }));

  const add = () => {
    const trimmed = key.trim();
    if (!fieldKeyPattern.test(trimmed)) return setError(t('designer.form.keyInvalid'));
    if (propertiesOf(body)[trimmed]) return setError(t('designer.form.keyTaken', { key: trimmed }));
    if (!zh.trim()) return setError(t('designer.form.labelRequired'));
    setError(undefined);
    onChange(addField(body, { key: trimmed, type, zh: zh.trim(), en: en.trim() || undefined, ...(group >= 0 ? { group } : {}) }));
    onAdded(trimmed);
    setKey('');
    setZh('');
    setEn('');
  };

  return (
    <section aria-label={t('designer.form.addField')} data-add-field style={{ marginTop: 12, padding: 8, background: '#fafafa', borderRadius: 6 }}>
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <strong>{t('designer.form.addField')}</strong>
        <Input aria-label={t('designer.form.newKey')} placeholder={t('designer.form.newKeyHint')} value={key} onChange={(e) => setKey(e.target.value)} />
        <Input aria-label={t('designer.form.newLabelZh')} placeholder={t('designer.form.newLabelZh')} value={zh} onChange={(e) => setZh(e.target.value)} />
        <Input aria-label={t('designer.form.newLabelEn')} placeholder={t('designer.form.newLabelEn')} value={en} onChange={(e) => setEn(e.target.value)} />
        <Select<FieldType>
          aria-label={t('designer.form.newType')}
          value={type}
          onChange={setType}
          options={fieldTypes.map((ft) => ({ value: ft, label: t(`designer.form.type.${ft}`) }))}
          data-testid="new-field-type"
        />
        {groups.length > 0 ? (
          <Select aria-label={t('designer.form.newGroup')} value={group} onChange={setGroup} options={[{ value: -1, label: t('designer.form.noGroup') }, ...groups]} />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Button type="primary" icon={<PlusOutlined />} onClick={add}>
          {t('designer.form.addFieldButton')}
        </Button>
        <Space.Compact style={{ width: '100%' }}>
          <Input aria-label={t('designer.form.groupZh')} placeholder={t('designer.form.groupZh')} value={groupZh} onChange={(e) => setGroupZh(e.target.value)} />
          <Input aria-label={t('designer.form.groupEn')} placeholder={t('designer.form.groupEn')} value={groupEn} onChange={(e) => setGroupEn(e.target.value)} />
          <Button
            disabled={!groupZh.trim()}
            onClick={() => {
              onChange(addGroup(body, groupZh.trim(), groupEn.trim() || undefined));
              setGroupZh('');
              setGroupEn('');
            }}
          >
            {t('designer.form.addGroup')}
          </Button>
        </Space.Compact>
      </Space>
    </section>
  );
}
