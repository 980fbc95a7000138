import { useMemo, useState } from 'react';
import { Card, Col, Row, Tabs, Typography } from 'antd';
import { useT } from '../i18n';
import { designerApi } from '../designer-api';
import { problemsAt, type VisualEditorProps } from '../editor-types';
import { useAsync } from '../use-async';
import { AddTransitionPanel } from './AddTransitionPanel';
import { SimulatorPanel } from './SimulatorPanel';
import { StartSettings } from './StartSettings';
import { StateInspector } from './StateInspector';
import { TransitionInspector } from './TransitionInspector';
import { TransitionTable } from './TransitionTable';
import { useFormSchemas } from './use-form-schemas';
import { WorkflowDiagram, type Selection } from './WorkflowDiagram';
import type { WorkflowBody } from './workflow-model';

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The no-code workflow designer: diagram, transition table, state and transition settings, and a simulator. */
export default function WorkflowDesigner({ body: raw, onChange, problems }: VisualEditorProps) {
  const t = useT();
  const body = raw as WorkflowBody;
  const change = onChange as (body: WorkflowBody) => void;
  const [selection, setSelection] = useState<Selection>({ type: 'state', key: body.initial });
  const forms = useAsync(() => designerApi().list({ kind: 'form', status: 'published' }), []);
  const formKeys = useMemo(() => [...new Set((forms.data?.items ?? []).map((row) => row.key))].sort(), [forms.data]);
  const formSchemas = useFormSchemas(body);
  const stateProblems = (key: string) => problemsAt(problems, `/states/${escape(key)}`);

  let inspector = <Typography.Text type="secondary">{t('designer.workflow.selectHint')}</Typography.Text>;
  if (selection?.type === 'state' && body.states[selection.key]) inspector = <StateInspector body={body} stateKey={selection.key} problems={stateProblems(selection.key)} onChange={change} />;
  if (selection?.type === 'transition' && body.states[selection.from]?.transitions?.[selection.index]) {
    inspector = (
      <TransitionInspector
        body={body}
        from={selection.from}
        index={selection.index}
        forms={formKeys}
        formSchemas={formSchemas}
        problems={problemsAt(problems, `/states/${escape(selection.from)}/transitions/${selection.index}`)}
        onChange={change}
        onRemoved={() => setSelection({ type: 'state', key: selection.from })}
      />
    );
  }

  return (
    <div data-workflow-designer>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('designer.workflow.diagram')}>
            <WorkflowDiagram body={body} selection={selection} onSelect={setSelection} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 6, marginBottom: 0 }}>
              {t('designer.workflow.legend')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('designer.workflow.settings')}>
            {inspector}
          </Card>
        </Col>
      </Row>
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          { key: 'table', label: t('designer.workflow.table'), children: <TransitionTable body={body} selection={selection} onSelect={setSelection} /> },
          { key: 'add', label: t('designer.workflow.addTransition'), children: <AddTransitionPanel body={body} onChange={change} onAdded={(from, index) => setSelection({ type: 'transition', from, index })} /> },
          { key: 'sim', label: t('designer.sim.title'), children: <SimulatorPanel body={body} /> },
          { key: 'start', label: t('designer.workflow.start'), children: <StartSettings body={body} forms={formKeys} onChange={change} /> },
        ]}
      />
    </div>
  );
}
