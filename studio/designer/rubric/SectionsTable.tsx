import { useState } from 'react';
import { Button, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { EvidenceKind, RubricItem, ScoringModeName } from '../../../runtime/schema/rubric';
import { useLocale, useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { LocalizedInputs } from '../menu/LocalizedInputs';
import { localized } from '../text';
import { evidenceKinds, ItemEditor } from './ItemEditor';
import { addItem, removeItem, setItem, setSectionPoints, totalsOf, type RubricBody } from './rubric-model';
import { addSection, moveSection, removeSection, renameSection, scoringModes, setMode, type ItemPlace } from './rubric-structure';

function metricOf(item: RubricItem): string {
  const scoring = item.scoring as { metric?: { key: string }; elements?: { metric?: { key: string } }[] };
  if (scoring.metric) return scoring.metric.key;
  const keys = (scoring.elements ?? []).flatMap((e) => (e.metric ? [e.metric.key] : []));
  return [...new Set(keys)].join(', ');
}

/**
 * Sections with their items: points, scoring mode, evidence and metric, with the running subtotal of
 * each section; sections are renamed, moved and removed here, and an item opens in the item editor.
 */
export function SectionsTable({ body, problems, onChange, selected, onSelect }: { body: RubricBody; problems: readonly LintProblem[]; onChange(body: RubricBody): void; selected: ItemPlace | undefined; onSelect(place: ItemPlace | undefined): void }) {
  const t = useT();
  const { locale } = useLocale();
  const totals = totalsOf(body);
  const [renaming, setRenaming] = useState<number>();
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
              <Space.Compact>
                <Button size="small" icon={<EditOutlined />} aria-label={t('designer.rubric.renameSection', { section: section.key.toUpperCase() })} aria-pressed={renaming === s} onClick={() => setRenaming(renaming === s ? undefined : s)} />
                <Button size="small" icon={<ArrowUpOutlined />} disabled={s === 0} aria-label={t('designer.rubric.sectionUp', { section: section.key.toUpperCase() })} onClick={() => (onSelect(undefined), onChange(moveSection(body, s, -1)))} />
                <Button size="small" icon={<ArrowDownOutlined />} disabled={s === body.sections.length - 1} aria-label={t('designer.rubric.sectionDown', { section: section.key.toUpperCase() })} onClick={() => (onSelect(undefined), onChange(moveSection(body, s, 1)))} />
                <Popconfirm title={t('designer.rubric.removeSectionConfirm', { section: localized(section.title, locale) })} okText={t('designer.rubric.remove')} cancelText={t('designer.editor.cancel')} onConfirm={() => (onSelect(undefined), onChange(removeSection(body, s)))} disabled={body.sections.length <= 1}>
                  <Button size="small" danger icon={<DeleteOutlined />} disabled={body.sections.length <= 1} aria-label={t('designer.rubric.removeSection', { section: section.key.toUpperCase() })} />
                </Popconfirm>
              </Space.Compact>
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
            {renaming === s ? (
              <div style={{ marginBottom: 6 }} data-rename-section={section.key}>
                <LocalizedInputs name={t('designer.rubric.sectionName', { section: section.key.toUpperCase() })} value={section.title} onChange={(title) => onChange(renameSection(body, s, title))} />
              </div>
            ) : null}
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
                {
                  title: t('designer.rubric.mode'),
                  width: 130,
                  render: (_: unknown, item) => (
                    <Select<ScoringModeName>
                      size="small"
                      aria-label={t('designer.rubric.modeOf', { item: item.key.toUpperCase() })}
                      style={{ width: '100%' }}
                      value={item.scoring.mode}
                      onChange={(mode) => (onChange(setMode(body, { where: 'section', section: s, item: item.index }, mode)), onSelect({ where: 'section', section: s, item: item.index }))}
                      options={scoringModes.map((m) => ({ value: m, label: t(`designer.rubric.modes.${m}`) }))}
                    />
                  ),
                },
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
                  width: 76,
                  render: (_: unknown, item) => (
                    <Space.Compact>
                      <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('designer.rubric.editItem', { item: item.key.toUpperCase() })} onClick={() => onSelect({ where: 'section', section: s, item: item.index })} />
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={section.items.length <= 1} aria-label={t('designer.rubric.removeItem', { item: item.key.toUpperCase() })} onClick={() => (onSelect(undefined), onChange(removeItem(body, s, item.index)))} />
                    </Space.Compact>
                  ),
                },
              ]}
            />
            {selected?.where === 'section' && selected.section === s ? <ItemEditor body={body} place={selected} problems={problems} onChange={onChange} onClose={() => onSelect(undefined)} /> : null}
            <NewItem onAdd={(title, points) => onChange(addItem(body, s, title, points))} />
          </section>
        );
      })}
      <NewSection onAdd={(title, points) => onChange(addSection(body, title, points))} />
    </div>
  );
}

/** A new section at the end, with one item of its points so the running totals stay balanced. */
function NewSection({ onAdd }: { onAdd(title: { 'zh-CN': string; en?: string }, points: number): void }) {
  const t = useT();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [points, setPoints] = useState<number | null>(5);
  return (
    <Space wrap style={{ marginTop: 6, paddingTop: 8, borderTop: '1px dashed #d9d9d9', width: '100%' }} data-new-section>
      <Input aria-label={t('designer.rubric.newSectionZh')} placeholder={t('designer.rubric.newSectionZh')} value={zh} onChange={(e) => setZh(e.target.value)} style={{ width: 220 }} />
      <Input aria-label={t('designer.rubric.newSectionEn')} placeholder={t('designer.rubric.newSectionEn')} value={en} onChange={(e) => setEn(e.target.value)} style={{ width: 200 }} />
      <InputNumber aria-label={t('designer.rubric.newSectionPoints')} min={0.5} step={0.5} value={points} onChange={setPoints} />
      <Button
        icon={<PlusOutlined />}
        disabled={!zh.trim() || !points}
        onClick={() => {
          onAdd({ 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) }, points ?? 5);
          setZh('');
          setEn('');
        }}
      >
        {t('designer.rubric.addSection')}
      </Button>
    </Space>
  );
}

/** A new met-or-not item at the end of a section; its mode and parameters are then set in the item editor. */
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
