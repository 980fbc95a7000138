import { InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Quota, Tier } from '../../../runtime/schema/rubric';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';
import { patch, type RubricBody } from './rubric-model';

/** Tiers (thresholds and section floors) and quotas per institute; veto and bonus items are in VetoBonusPanel. */
export function TiersPanel({ body, onChange }: { body: RubricBody; onChange(body: RubricBody): void }) {
  const t = useT();
  const { locale } = useLocale();
  const tierOptions = body.tiers.map((tier) => ({ value: tier.key, label: localized(tier.title, locale) || tier.key }));
  const putTier = (i: number, p: Partial<Tier>) => onChange(patch(body, 'tiers', body.tiers.map((tier, j) => (j === i ? ({ ...tier, ...p } as Tier) : tier))));
  const putQuota = (i: number, p: Partial<Quota>) => onChange(patch(body, 'quotas', (body.quotas ?? []).map((q, j) => (j === i ? ({ ...q, ...p } as Quota) : q))));
  const ordered = body.tiers.every((tier, i) => i === 0 || body.tiers[i - 1]!.minScore >= tier.minScore);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <div data-tiers>
        <Typography.Text strong>{t('designer.rubric.tiers')}</Typography.Text> {ordered ? null : <Tag color="red">{t('designer.rubric.tiersUnordered')}</Tag>}
        <Table<Tier & { index: number }>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={body.tiers.map((tier, index) => ({ ...tier, index }))}
          columns={[
            { title: t('designer.rubric.tier'), dataIndex: 'title', render: (title: Tier['title']) => localized(title, locale) },
            { title: t('designer.rubric.minScore'), render: (_: unknown, tier) => <InputNumber aria-label={t('designer.rubric.minScoreOf', { tier: localized(tier.title, locale) })} min={0} value={tier.minScore} onChange={(v) => v !== null && putTier(tier.index, { minScore: v })} /> },
            {
              title: t('designer.rubric.floor'),
              render: (_: unknown, tier) => (
                <InputNumber aria-label={t('designer.rubric.floorOf', { tier: localized(tier.title, locale) })} min={0} max={100} suffix="%" value={tier.sectionFloor === undefined ? null : Math.round(tier.sectionFloor * 100)} onChange={(v) => putTier(tier.index, { sectionFloor: v === null ? undefined : v / 100 })} />
              ),
            },
          ]}
        />
      </div>
      <div data-quotas>
        <Typography.Text strong>{t('designer.rubric.quotas')}</Typography.Text>
        {(body.quotas ?? []).map((quota, i) => (
          <Space key={i} wrap style={{ display: 'flex', marginTop: 4 }}>
            <Select aria-label={t('designer.rubric.quotaTier')} style={{ width: 120 }} value={quota.tier} onChange={(tier: string) => putQuota(i, { tier })} options={tierOptions} />
            <Select aria-label={t('designer.rubric.quotaScope')} style={{ width: 140 }} value={quota.scope} onChange={(scope: Quota['scope']) => putQuota(i, { scope })} options={[{ value: 'parent', label: t('designer.rubric.scopeParent') }, { value: 'all', label: t('designer.rubric.scopeAll') }]} />
            <label>
              {t('designer.rubric.maxShare')} <InputNumber aria-label={t('designer.rubric.maxShare')} min={0} max={100} suffix="%" value={quota.maxShare === undefined ? null : Math.round(quota.maxShare * 100)} onChange={(v) => putQuota(i, { maxShare: v === null ? undefined : v / 100 })} />
            </label>
            <label>
              {t('designer.rubric.maxCount')} <InputNumber aria-label={t('designer.rubric.maxCount')} min={0} value={quota.maxCount ?? null} onChange={(v) => putQuota(i, { maxCount: v ?? undefined })} />
            </label>
          </Space>
        ))}
      </div>
    </Space>
  );
}
