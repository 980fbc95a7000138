import { useState } from 'react';
import { Button, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EvidenceKind, RubricItem } from '../../../runtime/schema/rubric';
import { useLocale, useT } from '../../i18n';
import type { LintProblem } from '../designer-api';
import { localized } from '../text';
import { addItem, removeItem, setItem, setSectionPoints, totalsOf, type RubricBody } from './rubric-model';

const evidenceKinds: EvidenceKind[] = ['document', 'photo', 'systemMetric', 'siteVisit', 'questionnaire'];

function metricOf(item: RubricItem): string {
  const scoring = item.scoring as { metric?: { key: string }; elements?: { metric?: { key: string } }[] };
  if (scoring.metric) return scoring.metric.key;
  const keys = (scoring.elements ?? []).flatMap((e) => (e.metric ? [e.metric.key] : []));
  return [...new Set(keys)].join(', ');
}

/** Sections with their items: points, scoring mode, evidence and metric, with the running subtotal of each section. */
export function SectionsTable({ body, problems, onChange }: { body: RubricBody; problems: readonly LintProblem[]; onChange(body: RubricBody): void }) {
  const t = useT();
  const { locale } = useLocale();
  const totals = totalsOf(body);
  return (
    <div>
      {body.sections.map((section, s) => {
        const total = totals.sections[s]!;
        const sectionProblems = problems.filter((p) => p.pointer.startsWith(`/sections/${s}/`) || p.pointer === `/sections/${s}`);
        return (
          <section key={section.key} data-section={section.key} aria-label={localized(section.title, locale)} style={{ marginBottom: 16 }}>
            <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginBottom: 6 }}>
              <Typography.Text strong>
                {section.key.toUpperCase()} {localized(section.title, locale)}
              </Typography.Text>
              <label>
                {t('designer.rubric.sectionPoints')}{' '}
                <InputNumber aria-label={t('designer.rubric.sectionPointsOf', { section: section.key.toUpperCase() })} min={0} step={0.5} value={section.points} onChange={(v) => v !== null && onChange(setSectionPoints(body, s, v))} />
              </label>
              <Tag color={total.ok ? 'green' : 'red'} data-subtotal={section.key} data-ok={total.ok}>
                {t('designer.rubric.subtotal', { items: total.items, declared: total.declared })}
              </Tag>
              {sectionProblems.map((p, i) => (
                <Typography.Text key={i} type="danger">
                  {(locale === 'en' ? p.message.en : undefined) ?? p.message['zh-CN']}
                </Typography.Text>
              ))}
            </div>
            <Table<RubricItem & { index: number }>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={section.items.map((item, index) => ({ ...item, index }))}
              onRow={(item) => ({ 'data-item': item.key }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('designer.rubric.code'), dataIndex: 'key', width: 70, render: (k: string) => <strong>{k.toUpperCase()}</strong> },
                { title: t('designer.rubric.item'), dataIndex: 'title', render: (title: RubricItem['title']) => localized(title, locale) },
                {
                  title: t('designer.rubric.points'),
                  dataIndex: 'points',
                  width: 110,
                  render: (points: number, item) => (
                    <InputNumber aria-label={t('designer.rubric.pointsOf', { item: item.key.toUpperCase() })} min={0.5} step={0.5} value={points} onChange={(v) => v !== null && onChange(setItem(body, s, item.index, { points: v }))} />
                  ),
                },
                { title: t('designer.rubric.mode'), width: 110, render: (_: unknown, item) => <Tag>{t(`designer.rubric.modes.${item.scoring.mode}`)}</Tag> },
                {
                  title: t('designer.rubric.evidence'),
                  width: 260,
                  render: (_: unknown, item) => (
                    <Select<EvidenceKind[]>
                      mode="multiple"
                      size="small"
                      aria-label={t('designer.rubric.evidenceOf', { item: item.key.toUpperCase() })}
                      style={{ width: '100%' }}
                      value={item.evidence ?? []}
                      onChange={(evidence) => onChange(setItem(body, s, item.index, { evidence }))}
                      options={evidenceKinds.map((e) => ({ value: e, label: t(`designer.rubric.evidenceKind.${e}`) }))}
                    />
                  ),
                },
                { title: t('designer.rubric.metric'), width: 170, render: (_: unknown, item) => <code style={{ fontSize: 11 }}>{metricOf(item)}</code> },
                {
                  title: '',
                  width: 48,
                  render: (_: unknown, item) => (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={section.items.length <= 1} aria-label={t('designer.rubric.removeItem', { item: item.key.toUpperCase() })} onClick={() => onChange(removeItem(body, s, item.index))} />
                  ),
                },
              ]}
            />
            <NewItem onAdd={(title, points) => onChange(addItem(body, s, title, points))} />
          </section>
        );
      })}
    </div>
  );
}

/** A new met-or-not item at the end of a section; its mode can be refined in the JSON view. */
function NewItem({ onAdd }: { onAdd(title: { 'zh-CN': string; en?: string }, points: number): void }) {
  const t = useT();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [points, setPoints] = useState<number | null>(1);
  return (
    <Space wrap style={{ marginTop: 6 }} data-new-item>
      <Input aria-label={t('designer.rubric.newItemZh')} placeholder={t('designer.rubric.newItemZh')} value={zh} onChange={(e) => setZh(e.target.value)} style={{ width: 240 }} />
      <Input aria-label={t('designer.rubric.newItemEn')} placeholder={t('designer.rubric.newItemEn')} value={en} onChange={(e) => setEn(e.target.value)} style={{ width: 200 }} />
      <InputNumber aria-label={t('designer.rubric.newItemPoints')} min={0.5} step={0.5} value={points} onChange={setPoints} />
      <Button
        icon={<PlusOutlined />}
        disabled={!zh.trim() || !points}
        onClick={() => {
          onAdd({ 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) }, points ?? 1);
          setZh('');
          setEn('');
        }}
      >
        {t('designer.rubric.addItem')}
      </Button>
    </Space>
  );
}
