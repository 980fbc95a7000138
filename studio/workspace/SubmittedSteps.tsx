import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import type { FormDefinition } from '../../runtime/schema/form';
import { ShijianForm } from '../forms/ShijianForm';
import type { UploadFile } from '../renderers/context';
import { useT } from '../i18n';
import type { WorkflowLabels } from './workflow-labels';
import { workspaceApi, type Instance } from './workspace-api';

/**
 * What was filled in along the way, read-only: each step whose transition asks for a form (派单's team, the
 * completion report with its photos, the rating) keeps its data at `data.<event>`, the latest of each, in
 * the order the steps happened. Personal fields arrive masked where the reader may not see them.
 */
export function SubmittedSteps({ instance, labels, viewer }: { instance: Instance; labels: WorkflowLabels; viewer: UploadFile }) {
  const t = useT();
  const steps = submittedSteps(instance, labels);
  const [forms, setForms] = useState<Record<string, FormDefinition>>({});
  const keys = [...new Set(steps.map((step) => step.form))].sort().join(',');
  useEffect(() => {
    if (keys === '') return;
    let live = true;
    for (const key of keys.split(',')) {
      // The latest published version, as for the start form: data of older versions reads the same fields.
      workspaceApi()
        .form(key)
        .then((stored) => live && setForms((loaded) => ({ ...loaded, [key]: stored.body })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [keys]);
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="ws-steps">
      <Typography.Title level={2} className="sj-ws-h2" id="ws-steps">
        {t('ws.instance.stepDetails')}
      </Typography.Title>
      {steps.map((step) => {
        const form = forms[step.form];
        return (
          <section key={step.event} className="sj-ws-step" data-step={step.event} aria-label={labels.event(step.event)}>
            <Typography.Title level={3} className="sj-ws-h3">
              {labels.event(step.event)}
            </Typography.Title>
            {form ? <ShijianForm key={`${form.key}@${form.version}`} form={form} data={step.data} readonly uploadFile={viewer} /> : null}
          </section>
        );
      })}
    </section>
  );
}

/** The events with stored form data, each once, ordered by when it last happened. */
export function submittedSteps(instance: Pick<Instance, 'data' | 'history' | 'state'>, labels: Pick<WorkflowLabels, 'formOf'>): { event: string; form: string; data: Record<string, unknown> }[] {
  const last = new Map<string, number>();
  for (const entry of instance.history) last.set(entry.event, entry.seq);
  const steps: { event: string; form: string; data: Record<string, unknown>; seq: number }[] = [];
  for (const [event, data] of Object.entries(instance.data)) {
    const form = labels.formOf(event);
    const seq = last.get(event);
    if (form === undefined || seq === undefined || typeof data !== 'object' || data === null || Array.isArray(data)) continue;
    steps.push({ event, form, data: data as Record<string, unknown>, seq });
  }
  return steps.sort((a, b) => a.seq - b.seq).map(({ seq: _seq, ...step }) => step);
}
