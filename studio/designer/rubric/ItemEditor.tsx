import { Button, Card, InputNumber, Select, Space, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { EvidenceKind, ScoringModeName } from '../../../runtime/schema/rubric';
import { useT } from '../i18n';
import type { LintProblem } from '../designer-api';
import { problemsAt } from '../editor-types';
import { LocalizedInputs } from '../menu/LocalizedInputs';
import { FieldProblems } from '../ProblemList';
import type { RubricBody } from './rubric-model';
import { itemAt, itemPointer, putItem, scoringModes, setMode, type ItemPlace } from './rubric-structure';
import { ScoringEditor } from './ScoringEditor';

export const evidenceKinds: EvidenceKind[] = ['document', 'photo', 'systemMetric', 'siteVisit', 'questionnaire'];

/** One item (section or bonus): wording, points, evidence, scoring mode and the mode's parameters, with lint problems at each. */
export function ItemEditor({ body, place, problems, onChange, onClose }: { body: RubricBody; place: ItemPlace; problems: readonly LintProblem[]; onChange(body: RubricBody): void; onClose(): void }) {
  const t = useT();
  const item = itemAt(body, place);
  if (!item) return null;
  const pointer = itemPointer(place);
  const code = item.key.toUpperCase();
  const put = (patch: Parameters<typeof putItem>[2]) => onChange(putItem(body, place, patch));
  const exact = (relative: string) => problems.filter((p) => p.pointer === `${pointer}/${relative}` || (relative === '' && p.pointer === pointer));
  return (
    <Card
      size="small"
      data-item-editor={item.key}
      title={t('designer.rubric.editingItem', { item: code })}
      extra={<Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('designer.rubric.closeItem')} onClick={onClose} />}
      style={{ marginTop: 8, borderColor: '#1677ff' }}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <FieldProblems problems={exact('')} />
        <LocalizedInputs name={t('designer.rubric.itemWording', { item: code })} value={item.title} onChange={(title) => put({ title })} />
        <FieldProblems problems={problemsAt(problems, `${pointer}/title`)} />
        <Space wrap>
          <label>
            {t('designer.rubric.points')} <InputNumber aria-label={t('designer.rubric.itemPointsOf', { item: code })} min={0.1} step={0.5} value={item.points} onChange={(v) => v !== null && put({ points: v })} />
          </label>
          <Select<EvidenceKind[]>
            mode="multiple"
            aria-label={t('designer.rubric.evidenceOf', { item: code })}
            style={{ minWidth: 260 }}
            value={item.evidence ?? []}
            onChange={(evidence) => put({ evidence })}
            options={evidenceKinds.map((e) => ({ value: e, label: t(`designer.rubric.evidenceKind.${e}`) }))}
          />
        </Space>
        <FieldProblems problems={exact('points')} />
        <Space wrap>
          <Typography.Text strong>{t('designer.rubric.mode')}</Typography.Text>
          <Select<ScoringModeName>
            aria-label={t('designer.rubric.modeOf', { item: code })}
            style={{ width: 160 }}
            value={item.scoring.mode}
            onChange={(mode) => onChange(setMode(body, place, mode))}
            options={scoringModes.map((m) => ({ value: m, label: t(`designer.rubric.modes.${m}`) }))}
          />
          <Typography.Text type="secondary">{t(`designer.rubric.modeHint.${item.scoring.mode}`)}</Typography.Text>
        </Space>
        <ScoringEditor scoring={item.scoring} points={item.points} code={code} own={body.metrics ?? []} pointer={`${pointer}/scoring`} problems={problems} onChange={(scoring) => put({ scoring })} />
        <FieldProblems problems={exact('scoring').concat(exact('scoring/mode'))} />
      </Space>
    </Card>
  );
}
