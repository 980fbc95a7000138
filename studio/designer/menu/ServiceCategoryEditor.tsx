import { Card, Form, Input, InputNumber, List, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { ServiceCategoryDefinition } from '../../../runtime/schema/service-category';
import { useLocale, useT } from '../i18n';
import { designerApi } from '../designer-api';
import type { VisualEditorProps } from '../editor-types';
import { cloneJson, localized } from '../text';
import { useAsync } from '../use-async';
import { LocalizedInputs } from './LocalizedInputs';

type CategoryBody = ServiceCategoryDefinition & Record<string, unknown>;

/** A menu category (name, position, colour) and the published service items filed under it, with their order forms and SLAs. */
export default function ServiceCategoryEditor({ body: raw, onChange, definitionKey }: VisualEditorProps) {
  const t = useT();
  const { locale } = useLocale();
  const body = raw as CategoryBody;
  const put = (key: keyof ServiceCategoryDefinition, value: unknown) => {
    const next = cloneJson(body) as Record<string, unknown>;
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const items = useAsync(async () => {
    const client = designerApi();
    const { items: rows } = await client.list({ kind: 'serviceItem', status: 'published' });
    const latest = new Map<string, number>();
    for (const row of rows) latest.set(row.key, Math.max(latest.get(row.key) ?? 0, row.version));
    const bodies = await Promise.all([...latest].map(([key, version]) => client.get('serviceItem', key, version)));
    return bodies.filter((row) => row.body.category === definitionKey);
  }, [definitionKey]);
  return (
    <div data-menu-category style={{ maxWidth: 860 }}>
      <Card size="small" title={t('designer.menu.category')}>
        <Form layout="vertical">
          <Form.Item label={t('designer.menu.title')}>
            <LocalizedInputs name={t('designer.menu.title')} value={body.title} onChange={(v) => put('title', v)} />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item label={t('designer.menu.order')}>
              <InputNumber aria-label={t('designer.menu.order')} min={0} value={body.order} onChange={(v) => put('order', v ?? 0)} />
            </Form.Item>
            <Form.Item label={t('designer.menu.color')}>
              <Input aria-label={t('designer.menu.color')} style={{ width: 120 }} value={body.color ?? ''} onChange={(e) => put('color', e.target.value)} prefix={<span style={{ display: 'inline-block', width: 12, height: 12, background: body.color ?? 'transparent' }} />} />
            </Form.Item>
            <Form.Item label={t('designer.menu.icon')}>
              <Input aria-label={t('designer.menu.icon')} style={{ width: 160 }} value={body.icon ?? ''} onChange={(e) => put('icon', e.target.value)} />
            </Form.Item>
          </Space>
        </Form>
      </Card>
      <Card size="small" title={t('designer.menu.itemsInCategory')} style={{ marginTop: 12 }}>
        <List
          loading={items.loading}
          dataSource={items.data ?? []}
          renderItem={(row) => {
            const item = row.body as { title?: unknown; orderForm?: string; workflow?: string; sla?: Record<string, { after: string }> };
            return (
              <List.Item data-menu-entry={row.key}>
                <Space wrap>
                  <Link to={`/designer/serviceItem/${encodeURIComponent(row.key)}`}>{localized(item.title, locale) || row.key}</Link>
                  <Tag>{t('designer.menu.orderFormIs', { form: item.orderForm ?? '—' })}</Tag>
                  <Tag>{t('designer.menu.workflowIs', { workflow: item.workflow ?? 'five-order' })}</Tag>
                  {Object.entries(item.sla ?? {}).map(([k, v]) => (
                    <Tag key={k} color="blue">
                      {t('designer.menu.slaIs', { name: t(`designer.menu.slaKey.${k as 'triage'}`), after: v.after })}
                    </Tag>
                  ))}
                </Space>
              </List.Item>
            );
          }}
        />
      </Card>
    </div>
  );
}
