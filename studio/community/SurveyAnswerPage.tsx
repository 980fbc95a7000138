import { useState } from 'react';
import { Alert, Button, Input, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { createReferenceLookup } from '../api/references';
import { hasAnyRole } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { ShijianForm } from '../forms/ShijianForm';
import { useT } from '../i18n';
import { ReferenceLookupContext } from '../renderers/context';
import { PageLoading } from '../shell/guards';
import { rerootCommandError } from '../workspace/command-errors';
import { useLoad } from '../workspace/use-load';
import { communityApi } from './community-api';
import { PROXY_ROLES } from './roles';
import './community.css';

const lookupReferences = createReferenceLookup();

/** 问需 on a phone: a resident answers for themself, a proxy orderer for a neighbour without a phone. */
export default function SurveyAnswerPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { state } = useAuth();
  const [loaded, reload] = useLoad((signal) => communityApi().survey(id, signal), [id], t);
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const [answered, setAnswered] = useState(0);
  const [done, setDone] = useState(false);
  const proxy = hasAnyRole(state.user, PROXY_ROLES);

  if (loaded.status === 'loading') return <PageLoading />;
  if (loaded.status === 'failed') return <Alert type="error" showIcon title={loaded.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} />;
  const survey = loaded.value;
  return (
    <section className="sj-ws sj-cm-phone">
      <Typography.Title level={1} className="sj-ws-h1">
        {survey.title}
      </Typography.Title>
      <p className="sj-ws-meta">{t('cm.survey.period', { from: survey.opensAt.slice(0, 10), to: survey.closesAt.slice(0, 10) })}</p>
      {!survey.open ? <Alert type="warning" showIcon title={t('cm.survey.closed')} /> : null}
      {survey.open && done ? (
        <div className="sj-ws-card" role="status">
          <Typography.Title level={2} className="sj-cm-h2">
            {t('cm.survey.thanks')}
          </Typography.Title>
          <p>{t('cm.survey.thanksDetail')}</p>
          <div className="sj-ws-row">
            <Button type="primary" onClick={() => setDone(false)}>
              {t('cm.survey.again')}
            </Button>
            <Link to="/wishes">{t('cm.survey.toWishes')}</Link>
          </div>
        </div>
      ) : null}
      {survey.open && !done && survey.form ? (
        <>
          {proxy ? (
            <label className="sj-cm-field">
              <span>{t('cm.survey.onBehalfOf')}</span>
              <Input value={onBehalfOf} onChange={(event) => setOnBehalfOf(event.target.value)} maxLength={60} placeholder={t('cm.survey.onBehalfOfHint')} />
            </label>
          ) : null}
          <ReferenceLookupContext.Provider value={lookupReferences}>
            <ShijianForm
              key={`${survey.id}:${answered}`}
              form={survey.form}
              draftKey={`survey:${survey.id}`}
              submitLabel={t('cm.survey.submit')}
              onSubmit={async (data) => {
                try {
                  await communityApi().answer(survey.id, { data, ...(onBehalfOf.trim() === '' ? {} : { onBehalfOf: onBehalfOf.trim() }) });
                  setAnswered((n) => n + 1);
                  setOnBehalfOf('');
                  setDone(true);
                } catch (error) {
                  throw rerootCommandError(error);
                }
              }}
            />
          </ReferenceLookupContext.Provider>
        </>
      ) : null}
    </section>
  );
}
