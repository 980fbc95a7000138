import { useState } from 'react';
import { Button, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { LocalizedText } from '../../../runtime/schema/common';
import { useLocale, useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { problemsAt } from '../editor-types';
import { LocalizedInputs } from '../menu/LocalizedInputs';
import { FieldProblems } from '../ProblemList';
import { localized } from '../text';
import { ItemEditor } from './ItemEditor';
import { patch, type RubricBody } from './rubric-model';
import { addBonusItem, addVeto, bonusTotal, removeBonusItem, removeVeto, renameVeto, type ItemPlace } from './rubric-structure';

/** Two inputs and a button: the wording (zh-CN required, English optional) of something new. */
function NewNamed({ what, withPoints, onAdd }: { what: string; withPoints: boolean; onAdd(title: LocalizedText, points: number): void }) {
  const t = useT();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [points, setPoints] = useState<number | null>(1);
  return (
    <Space wrap style={{ marginTop: 6 }}>
      <Input aria-label={t('designer.menu.zhOf', { name: what })} placeholder={t('designer.menu.zhOf', { name: what })} value={zh} onChange={(e) => setZh(e.target.value)} style={{ width: 240 }} />
      <Input aria-label={t('designer.menu.enOf', { name: what })} placeholder={t('designer.menu.enOf', { name: what })} value={en} onChange={(e) => setEn(e.target.value)} style={{ width: 200 }} />
      {withPoints ? <InputNumber aria-label={t('designer.rubric.pointsOfNew', { name: what })} min={0.5} step={0.5} value={points} onChange={setPoints} /> : null}
      <Button
        icon={<PlusOutlined />}
        disabled={!zh.trim() || (withPoints && !points)}
        onClick={() => {
          onAdd({ 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) }, points ?? 1);
          setZh('');
          setEn('');
        }}
      >
        {t('designer.rubric.addNamed', { name: what })}
      </Button>
    </Space>
  );
}

/** Veto items (一票否决) with the tier they force, and bonus items (加分项) with their cap and running total. */
export function VetoBonusPanel({ body, problems, onChange, selected, onSelect }: { body: RubricBody; problems: readonly LintProblem[]; onChange(body: RubricBody): void; selected: ItemPlace | undefined; onSelect(place: ItemPlace | undefined): void }) {
  const t = useT();
  const { locale } = useLocale();
  const tierOptions = body.tiers.map((tier) => ({ value: tier.key, label: localized(tier.title, locale) || tier.key }));
  const bonus = bonusTotal(body);
  const [editingVeto, setEditingVeto] = useState<number>();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <section data-vetoes aria-label={t('designer.rubric.vetoItems')}>
        <Space wrap>
          <Typography.Text strong>{t('designer.rubric.vetoItems')}</Typography.Text>
          <label>
            {t('designer.rubric.vetoTier')} <Select aria-label={t('designer.rubric.vetoTier')} style={{ width: 140 }} value={body.vetoTier} onChange={(v: string) => onChange(patch(body, 'vetoTier', v))} options={tierOptions} />
          </label>
        </Space>
        <FieldProblems problems={problemsAt(problems, '/vetoes').filter((p) => p.pointer === '/vetoes').concat(problemsAt(problems, '/vetoTier'))} />
        <ol style={{ marginTop: 4, paddingInlineStart: 20 }}>
          {(body.vetoes ?? []).map((veto, i) => (
            <li key={veto.key} data-veto={veto.key} style={{ marginBottom: 4 }}>
              <Space wrap>
                <span>{localized(veto.title, locale)}</span>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('designer.rubric.editVeto', { n: i + 1 })} aria-pressed={editingVeto === i} onClick={() => setEditingVeto(editingVeto === i ? undefined : i)} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('designer.rubric.removeVeto', { n: i + 1 })} onClick={() => (setEditingVeto(undefined), onChange(removeVeto(body, i)))} />
              </Space>
              {editingVeto === i ? <LocalizedInputs name={t('designer.rubric.vetoN', { n: i + 1 })} value={veto.title} onChange={(title) => onChange(renameVeto(body, i, title))} /> : null}
              <FieldProblems problems={problemsAt(problems, `/vetoes/${i}`)} />
            </li>
          ))}
        </ol>
        <NewNamed what={t('designer.rubric.newVeto')} withPoints={false} onAdd={(title) => onChange(addVeto(body, title))} />
      </section>
      <section data-bonus aria-label={t('designer.rubric.bonus')}>
        <Space wrap>
          <Typography.Text strong>{t('designer.rubric.bonus')}</Typography.Text>
          {body.bonus && bonus ? (
            <>
              <label>
                {t('designer.rubric.bonusCap')} <InputNumber aria-label={t('designer.rubric.bonusCap')} min={0.5} value={body.bonus.cap} onChange={(v) => v !== null && body.bonus && onChange(patch(body, 'bonus', { ...body.bonus, cap: v }))} />
              </label>
              <Tag color={bonus.reachesCap ? 'green' : 'gold'} data-bonus-total data-ok={bonus.reachesCap}>
                {t('designer.rubric.bonusTotal', { sum: bonus.sum, cap: bonus.cap })}
              </Tag>
            </>
          ) : (
            <Typography.Text type="secondary">{t('designer.rubric.noBonus')}</Typography.Text>
          )}
        </Space>
        <FieldProblems problems={problemsAt(problems, '/bonus/cap')} />
        <ol style={{ marginTop: 4, paddingInlineStart: 20 }}>
          {(body.bonus?.items ?? []).map((item, i) => (
            <li key={item.key} data-bonus-item={item.key} style={{ marginBottom: 4 }}>
              <Space wrap>
                <span>{localized(item.title, locale)}</span>
                <InputNumber size="small" aria-label={t('designer.rubric.pointsOf', { item: item.key.toUpperCase() })} min={0.5} value={item.points} onChange={(v) => v !== null && body.bonus && onChange(patch(body, 'bonus', { ...body.bonus, items: body.bonus.items.map((it, j) => (j === i ? { ...it, points: v } : it)) }))} />
                <Tag>{t(`designer.rubric.modes.${item.scoring.mode}`)}</Tag>
                <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('designer.rubric.editItem', { item: item.key.toUpperCase() })} onClick={() => onSelect({ where: 'bonus', item: i })} />
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('designer.rubric.removeItem', { item: item.key.toUpperCase() })} onClick={() => (onSelect(undefined), onChange(removeBonusItem(body, i)))} />
              </Space>
              <FieldProblems problems={problemsAt(problems, `/bonus/items/${i}`).filter(() => !(selected?.where === 'bonus' && selected.item === i))} />
            </li>
          ))}
        </ol>
        {selected?.where === 'bonus' ? <ItemEditor body={body} place={selected} problems={problems} onChange={onChange} onClose={() => onSelect(undefined)} /> : null}
        <NewNamed what={t('designer.rubric.newBonus')} withPoints onAdd={(title, points) => onChange(addBonusItem(body, title, points))} />
      </section>
    </Space>
  );
}
