import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { attachmentUrl } from '../../api/attachments';
import { useT } from '../../i18n';
import type { Appeal, AppealDecision } from './appeal-data';

/** What was appealed and, once decided, the district's decision with its reasons: part of the result. */
export function AppealOutcome({ appeal, decision, titleOf }: { appeal: Appeal; decision: AppealDecision | null; titleOf: (key: string) => string }) {
  const t = useT();
  return (
    <section className="sj-ws-card" aria-labelledby="ws-appeal-outcome" data-appeal-outcome={decision?.decision ?? 'pending'} style={{ marginBottom: 12 }}>
      <Typography.Title level={2} className="sj-ws-h2" id="ws-appeal-outcome">
        {t('ws.appeal.outcome')}
      </Typography.Title>
      <p className="sj-ws-meta">{appeal.at ? t('ws.appeal.appealedAt', { time: dayjs(appeal.at).format('YYYY-MM-DD HH:mm') }) : null}</p>
      <div>
        {appeal.items.map((key) => (
          <Tag key={key} data-appealed-item={key}>
            {t('ws.appeal.item', { key: key.toUpperCase(), title: titleOf(key) })}
          </Tag>
        ))}
      </div>
      <p style={{ whiteSpace: 'pre-wrap' }}>{appeal.reason}</p>
      {appeal.attachments.length > 0 ? (
        <ul className="sj-ws-meta">
          {appeal.attachments.map((id, index) => (
            <li key={id}>
              <a href={attachmentUrl(id)} target="_blank" rel="noreferrer">
                {t('ws.appeal.evidenceN', { n: index + 1 })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {decision ? (
        <div data-decision={decision.decision}>
          <Tag className={decision.decision === 'upheld' ? 'sj-ws-tag-warn' : 'sj-ws-tag-ok'}>{decision.decision === 'upheld' ? t('ws.appeal.upheld') : t('ws.appeal.amended')}</Tag>
          {decision.at ? <span className="sj-ws-meta">{t('ws.appeal.decidedAt', { time: dayjs(decision.at).format('YYYY-MM-DD HH:mm') })}</span> : null}
          <p style={{ whiteSpace: 'pre-wrap' }}>{decision.comment}</p>
        </div>
      ) : (
        <Tag>{t('ws.appeal.pending')}</Tag>
      )}
    </section>
  );
}
