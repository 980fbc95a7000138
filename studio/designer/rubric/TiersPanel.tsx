import { InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Quota, Tier } from '../../../runtime/schema/rubric';
import { useLocale, useT } from '../../i18n';
import { localized } from '../text';
import { patch, type RubricBody } from './rubric-model';

/** Tiers (thresholds and section floors), quotas per institute, veto items and the bonus cap. */
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
      <div data-vetoes>
        <Typography.Text strong>{t('designer.rubric.vetoes')}</Typography.Text>{' '}
        <Select aria-label={t('designer.rubric.vetoTier')} style={{ width: 140 }} value={body.vetoTier} onChange={(v: string) => onChange(patch(body, 'vetoTier', v))} options={tierOptions} />
        <ol style={{ marginTop: 4 }}>
          {(body.vetoes ?? []).map((veto) => (
            <li key={veto.key}>{localized(veto.title, locale)}</li>
          ))}
        </ol>
      </div>
      {body.bonus ? (
        <div data-bonus>
          <Typography.Text strong>{t('designer.rubric.bonus')}</Typography.Text>{' '}
          <label>
            {t('designer.rubric.bonusCap')} <InputNumber aria-label={t('designer.rubric.bonusCap')} min={0.5} value={body.bonus.cap} onChange={(v) => v !== null && body.bonus && onChange(patch(body, 'bonus', { ...body.bonus, cap: v }))} />
          </label>
          <ol style={{ marginTop: 4 }}>
            {body.bonus.items.map((item, i) => (
              <li key={item.key}>
                {localized(item.title, locale)}{' '}
                <InputNumber
                  size="small"
                  aria-label={t('designer.rubric.pointsOf', { item: item.key.toUpperCase() })}
                  min={0.5}
                  value={item.points}
                  onChange={(v) => v !== null && body.bonus && onChange(patch(body, 'bonus', { ...body.bonus, items: body.bonus.items.map((it, j) => (j === i ? { ...it, points: v } : it)) }))}
                />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </Space>
  );
}
