import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n';
import { useUserNames } from './records/user-names';
import type { WorkflowLabels } from './workflow-labels';
import type { HistoryEntry } from './workspace-api';

const SYSTEM_ACTORS = new Set(['system', '@system']);

/**
 * Who did what and when, oldest first, with the comment they left. Actors are named by the server where
 * the reader may see the name; `actorName` words the rest (the initiator, oneself).
 */
export function HistoryTimeline({ history, labels, actorName }: { history: readonly HistoryEntry[]; labels: WorkflowLabels; actorName: (id: string) => string }) {
  const t = useT();
  const names = useUserNames(history.filter((entry) => !SYSTEM_ACTORS.has(entry.actor)).map((entry) => entry.actor));
  // An id is never shown: someone the server does not name to this reader stays unnamed.
  const nameOf = (actor: string) => {
    const named = names(actor);
    if (named) return named;
    const worded = actorName(actor);
    return worded === actor ? t('ws.instance.someone') : worded;
  };
  return (
    <section aria-labelledby="ws-history">
      <Typography.Title level={2} className="sj-ws-h2" id="ws-history">
        {t('ws.instance.history')}
      </Typography.Title>
      <Timeline
        items={history.map((entry) => ({
          key: entry.seq,
          content: (
            <div data-event={entry.event}>
              <div>
                <strong>{labels.event(entry.event)}</strong> → {labels.state(entry.to)}
              </div>
              <div className="sj-ws-meta" data-actor={entry.actor}>
                {SYSTEM_ACTORS.has(entry.actor) ? t('ws.instance.system') : nameOf(entry.actor)} · {dayjs(entry.at).format('YYYY-MM-DD HH:mm')}
              </div>
              {entry.comment ? <div>{entry.comment}</div> : null}
            </div>
          ),
        }))}
      />
    </section>
  );
}
