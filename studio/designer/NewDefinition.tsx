import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from './i18n';
import { kindLabel } from './DefinitionBrowser';
import { designerApi, type DefinitionBody } from './designer-api';

/** Kinds a district creates from nothing in the designer; the rest start from the pack or from integrators' JSON. */
const starters: Record<'form' | 'serviceCategory', (key: string, title: { 'zh-CN': string; en?: string }) => DefinitionBody> = {
  form: (key, title) => ({ kind: 'form', key, version: 1, title, schema: { type: 'object', properties: {} }, uischema: { type: 'VerticalLayout', elements: [] }, i18n: { 'zh-CN': {}, en: {} }, rules: [], computed: [] }),
  serviceCategory: (key, title) => ({ kind: 'serviceCategory', key, version: 1, title, order: 99 }),
};
type StarterKind = keyof typeof starters;

export function NewDefinition() {
  const t = useT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<StarterKind>('form');
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<string>();
  const create = async () => {
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(key)) return setError(t('designer.new.badKey'));
    if (!zh.trim()) return setError(t('designer.form.labelRequired'));
    try {
      const existing = await designerApi().list({ kind, key });
      if (existing.items.length > 0) return setError(t('designer.new.taken', { key }));
      const row = await designerApi().createDraft(kind, key, starters[kind](key, { 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) }));
      navigate(`/designer/${kind}/${encodeURIComponent(key)}?version=${row.version}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Card title={t('designer.new.title')} style={{ marginTop: 16, maxWidth: 720 }} data-new-definition>
      <Space wrap>
        <Select<StarterKind> aria-label={t('designer.browser.kind')} style={{ width: 140 }} value={kind} onChange={setKind} options={(Object.keys(starters) as StarterKind[]).map((k) => ({ value: k, label: t(kindLabel(k)) }))} />
        <Input aria-label={t('designer.new.key')} placeholder={t('designer.new.key')} value={key} onChange={(e) => setKey(e.target.value)} style={{ width: 200 }} />
        <Input aria-label={t('designer.new.zh')} placeholder={t('designer.new.zh')} value={zh} onChange={(e) => setZh(e.target.value)} style={{ width: 180 }} />
        <Input aria-label={t('designer.new.en')} placeholder={t('designer.new.en')} value={en} onChange={(e) => setEn(e.target.value)} style={{ width: 180 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void create()}>
          {t('designer.new.create')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
    </Card>
  );
}
