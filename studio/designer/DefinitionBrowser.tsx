import { useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { Alert, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { definitionKinds } from '../../runtime/schema/kinds';
import { useLocale, useT, type MessageKey } from './i18n';
import { designerApi, type DefinitionSummary } from './designer-api';
import './designer.css';
import { NewDefinition } from './NewDefinition';
import { useAsync } from './use-async';

const statusColor = { draft: 'gold', published: 'green', retired: 'default' } as const;

export const kindLabel = (kind: string) => `designer.kind.${kind}` as MessageKey;

/** Every version of every definition, newest first, with who made it and when; search by name, key or kind. */
export default function DefinitionBrowser() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const list = useAsync(() => designerApi().list(kind ? { kind } : {}), [kind]);
  const nameOf = (row: DefinitionSummary) => (row.title ? (row.title[locale] ?? row.title['zh-CN']) : '');
  const rows = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matches = (row: DefinitionSummary) => [row.key, row.kind, row.createdBy, row.title?.['zh-CN'] ?? '', row.title?.en ?? ''].some((text) => text.toLowerCase().includes(needle));
    return (list.data?.items ?? [])
      .filter((row) => !needle || matches(row))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key) || b.version - a.version);
  }, [list.data, query]);
  const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
  return (
    <div className="sj-designer">
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('designer.title')}
      </Typography.Title>
    <Card title={t('designer.browser.title')}>
      <Typography.Paragraph type="secondary">{t('designer.browser.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('designer.browser.kind')}
          placeholder={t('designer.browser.allKinds')}
          style={{ width: 180 }}
          value={kind}
          onChange={setKind}
          options={definitionKinds.map((k) => ({ value: k, label: t(kindLabel(k)) }))}
        />
        <Input.Search aria-label={t('designer.browser.search')} placeholder={t('designer.browser.search')} allowClear onChange={(e) => setQuery(e.target.value)} style={{ width: 260 }} />
      </Space>
      {list.error ? <Alert type="error" showIcon title={list.error.message} /> : null}
      <Table<DefinitionSummary>
        size="small"
        loading={list.loading}
        rowKey={(row) => `${row.kind}/${row.key}/${row.version}`}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        onRow={(row) => ({ 'data-definition': `${row.kind}/${row.key}/${row.version}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('designer.browser.kind'), dataIndex: 'kind', render: (k: string) => t(kindLabel(k)) },
          {
            title: t('designer.browser.key'),
            dataIndex: 'key',
            render: (_: string, row) => <Link to={`/designer/${row.kind}/${encodeURIComponent(row.key)}?version=${row.version}`}>{row.key}</Link>,
          },
          { title: t('designer.browser.name'), key: 'name', render: (_: unknown, row) => nameOf(row) },
          { title: t('designer.browser.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { title: t('designer.browser.status'), dataIndex: 'status', render: (s: DefinitionSummary['status']) => <Tag color={statusColor[s]}>{t(`designer.status.${s}`)}</Tag> },
          { title: t('designer.browser.author'), dataIndex: 'createdBy' },
          { title: t('designer.browser.created'), dataIndex: 'createdAt', render: time },
          { title: t('designer.browser.published'), dataIndex: 'publishedAt', render: time },
        ]}
      />
    </Card>
      <NewDefinition />
      <Card title={t('designer.openPreview')} style={{ maxWidth: 520, marginTop: 16 }}>
        <Input.Search
          aria-label={t('designer.formKey')}
          placeholder={t('designer.formKey')}
          enterButton={t('nav.preview')}
          onSearch={(key) => key.trim() && navigate(`/preview/form/${encodeURIComponent(key.trim())}`)}
        />
      </Card>
    </div>
  );
}
