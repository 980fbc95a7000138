import { useState } from 'react';
import { Alert, Button, Card, Col, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { useT } from '../i18n';
import type { VisualEditorProps } from '../editor-types';
import { ImpactPreview } from './ImpactPreview';
import { balance, patch, totalsOf, type RubricBody } from './rubric-model';
import type { ItemPlace } from './rubric-structure';
import { SectionsTable } from './SectionsTable';
import { TiersPanel } from './TiersPanel';
import { VetoBonusPanel } from './VetoBonusPanel';

/** The no-code rubric designer: items and points with running totals that must match, tiers, quotas, veto and bonus, and the impact preview. */
export default function RubricDesigner({ body: raw, onChange, problems, definitionKey }: VisualEditorProps) {
  const t = useT();
  const body = raw as RubricBody;
  const change = onChange as (body: RubricBody) => void;
  const totals = totalsOf(body);
  const [selected, setSelected] = useState<ItemPlace>();
  return (
    <div data-rubric-designer>
      <Card size="small" style={{ marginBottom: 12, position: 'sticky', top: 0, zIndex: 3 }}>
        <Space wrap size={16}>
          <label>
            {t('designer.rubric.totalPoints')} <InputNumber aria-label={t('designer.rubric.totalPoints')} min={1} value={body.totalPoints} onChange={(v) => v !== null && change(patch(body, 'totalPoints', v))} />
          </label>
          <Tag color={totals.ok ? 'green' : 'red'} data-total data-ok={totals.ok} style={{ fontSize: 14, padding: '4px 8px' }}>
            {t('designer.rubric.total', { sum: totals.sectionsSum, declared: totals.declared })}
          </Tag>
          {totals.ok ? null : (
            <>
              <Typography.Text type="danger">{t('designer.rubric.mismatch')}</Typography.Text>
              <Button onClick={() => change(balance(body))}>{t('designer.rubric.balance')}</Button>
            </>
          )}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" title={t('designer.rubric.sections')}>
            <SectionsTable body={body} problems={problems} onChange={change} selected={selected} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('designer.rubric.vetoAndBonus')}>
            <VetoBonusPanel body={body} problems={problems} onChange={change} selected={selected} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('designer.rubric.tiersAndRules')}>
            <TiersPanel body={body} onChange={change} />
          </Card>
          <Card size="small" title={t('designer.rubric.impact')} style={{ marginTop: 16 }}>
            <Alert type="info" showIcon title={t('designer.rubric.impactHint')} style={{ marginBottom: 8 }} />
            <ImpactPreview body={body} definitionKey={definitionKey} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
