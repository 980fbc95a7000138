import { useMemo, useState } from 'react';
import { Alert, Card, Col, Row, Typography } from 'antd';
import type { FormDefinition } from '../../../runtime/schema/form';
import { FormPreview } from '../../forms';
import { useT } from '../i18n';
import type { VisualEditorProps } from '../editor-types';
import { ErrorBoundary } from '../ErrorBoundary';
import { AddFieldPanel } from './AddFieldPanel';
import { problemsByField } from './field-problems';
import { FieldInspector } from './FieldInspector';
import { FieldTree } from './FieldTree';
import { moveElement, removeField, type FormBody } from './form-model';

/** The no-code form designer: the field list, the selected field's settings, and the live preview at desktop and phone widths. */
export default function FormDesigner({ body: raw, onChange, problems }: VisualEditorProps) {
  const t = useT();
  const body = raw as FormBody;
  const change = onChange as (body: FormBody) => void;
  const [selected, setSelected] = useState<string>();
  const byField = useMemo(() => problemsByField(body, problems), [body, problems]);
  // The preview restarts from empty data when the definition changes, so it always shows what was designed.
  const previewKey = useMemo(() => JSON.stringify([body.schema, body.uischema, body.rules, body.computed, body.i18n]), [body]);
  return (
    <Row gutter={[16, 16]} data-form-designer>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('designer.form.fields')}>
          <FieldTree
            body={body}
            selected={selected}
            problems={byField}
            onSelect={setSelected}
            onMove={(path, delta) => change(moveElement(body, path, delta))}
            onRemove={(key) => {
              change(removeField(body, key));
              if (selected === key) setSelected(undefined);
            }}
          />
          <AddFieldPanel body={body} onChange={change} onAdded={setSelected} />
        </Card>
      </Col>
      <Col xs={24} lg={7}>
        <Card size="small" title={t('designer.form.inspector')}>
          {selected ? (
            <FieldInspector body={body} field={selected} problems={byField.get(selected) ?? []} onChange={change} />
          ) : (
            <Typography.Text type="secondary">{t('designer.form.selectHint')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('designer.form.preview')} data-preview>
          <ErrorBoundary resetKey={previewKey} fallback={(error) => <Alert type="warning" showIcon title={t('designer.form.previewFailed', { detail: error.message })} />}>
            <FormPreview key={previewKey} form={body as unknown as FormDefinition} frames="both" />
          </ErrorBoundary>
        </Card>
      </Col>
    </Row>
  );
}
