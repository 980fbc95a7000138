import { useMemo, useState } from 'react';
import { Alert, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useLocale, useT } from '../i18n';
import { designerApi, type ImpactPreviewResponse, type UnitChange } from '../designer-api';
import { localized } from '../text';
import type { RubricBody } from './rubric-model';
import { UnitExplanation } from './UnitExplanation';

interface OrgUnit {
  id: string;
  name: string;
  nameEn: string | null;
}

/**
 * What publishing this draft would do, computed by the server from every unit's current data: tier
 * counts before and after, per institute, and the units whose tier or score changes.
 */
export function ImpactPreview({ body, definitionKey }: { body: RubricBody; definitionKey: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [result, setResult] = useState<ImpactPreviewResponse>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const names = useMemo(() => new Map(units.map((u) => [u.id, locale === 'en' && u.nameEn ? u.nameEn : u.name])), [units, locale]);
  const tierName = (key: string) => localized(body.tiers.find((tier) => tier.key === key)?.title, locale) || key;
  const name = (id: string | undefined) => (id ? (names.get(id) ?? id) : '—');

  const run = async () => {
    setLoading(true);
    setError(undefined);
    try {
      // Unit names are fetched with the first preview, not on opening the editor.
      const [preview, org] = await Promise.all([designerApi().rubricPreview(definitionKey, body, year), units.length ? Promise.resolve({ items: units }) : api.get<{ items: OrgUnit[] }>('/api/org-units')]);
      setUnits(org.items);
      setResult(preview);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };

  const preview = result?.preview;
  const counts = (c: Record<string, number>) => body.tiers.map((tier) => `${tierName(tier.key)} ${c[tier.key] ?? 0}`).join(' · ');
  return (
    <section aria-label={t('designer.rubric.impact')} data-impact>
      <Space wrap>
        <label>
          {t('designer.rubric.year')} <InputNumber aria-label={t('designer.rubric.year')} min={2000} max={2100} value={year} onChange={(v) => v !== null && setYear(v)} />
        </label>
        <Button type="primary" ghost loading={loading} onClick={() => void run()}>
          {t('designer.rubric.runImpact')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      {preview ? (
        <div style={{ marginTop: 12 }} data-impact-result data-changed={preview.changed.length}>
          <Typography.Paragraph>
            {t('designer.rubric.impactSummary', { units: preview.units, changed: preview.changed.length, version: result.published.version })}
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('designer.rubric.beforeLine', { counts: counts(preview.tiers.before) })}
            <br />
            {t('designer.rubric.afterLine', { counts: counts(preview.tiers.after) })}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="parent"
            dataSource={Object.entries(preview.byParent).map(([parent, v]) => ({ parent, ...v }))}
            columns={[
              { title: t('designer.rubric.institute'), dataIndex: 'parent', render: (id: string) => name(id) },
              { title: t('designer.rubric.before'), dataIndex: 'before', render: counts },
              { title: t('designer.rubric.after'), dataIndex: 'after', render: counts },
              { title: t('designer.rubric.changed'), dataIndex: 'changed', render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0) },
            ]}
          />
          {preview.changed.length > 0 ? (
            <Table<UnitChange>
              style={{ marginTop: 12 }}
              size="small"
              rowKey="unitId"
              pagination={{ pageSize: 20 }}
              dataSource={preview.changed}
              columns={[
                { title: t('designer.rubric.unit'), dataIndex: 'unitId', render: (id: string) => name(id) },
                { title: t('designer.rubric.institute'), dataIndex: 'parentId', render: (id?: string) => name(id) },
                { title: t('designer.rubric.before'), render: (_: unknown, c) => t('designer.rubric.tierScore', { tier: tierName(c.before.tier), score: c.before.score }) },
                { title: '', render: (_: unknown, c) => <UnitExplanation unitId={c.unitId} name={name(c.unitId)} /> },
                { title: t('designer.rubric.after'), render: (_: unknown, c) => <Tag color={c.after.tier === c.before.tier ? 'default' : 'orange'}>{t('designer.rubric.tierScore', { tier: tierName(c.after.tier), score: c.after.score })}</Tag> },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
