import { useState } from 'react';
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useLocale, useT, type MessageKey } from '../i18n';
import { describeError, useLoad } from '../workspace/use-load';
import { pick } from '../workspace/text';
import { communityApi, type Proposal } from './community-api';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const statusLabel: Record<Proposal['status'], MessageKey> = { proposed: 'cm.proposal.proposed', published: 'cm.proposal.published', rejected: 'cm.proposal.rejected', failed: 'cm.proposal.failed' };
const statusTone: Record<Proposal['status'], BadgeTone> = { proposed: 'info', published: 'done', rejected: 'bad', failed: 'waiting' };

interface OriginNeed {
  id: string;
  orgUnitName: string;
  description: string | null;
  answeredAt: string;
}

/** Proposals (制单) and where each stands; a published one shows the needs behind its menu item. */
export function ProposalsTable() {
  const t = useT();
  const { locale } = useLocale();
  const [loaded] = useLoad((signal) => communityApi().proposals(signal), [], t);
  const [origins, setOrigins] = useState<{ key: string; needs: OriginNeed[] } | { key: string; error: string }>();

  const showOrigins = async (key: string) => {
    try {
      const result = await api.get<{ origins: { needs: OriginNeed[] }[] }>(`/api/service-items/${encodeURIComponent(key)}/origins`);
      setOrigins({ key, needs: result.origins.flatMap((origin) => origin.needs) });
    } catch (error) {
      setOrigins({ key, error: describeError(error, t) });
    }
  };

  if (loaded.status !== 'ready') return null;
  return (
    <div className="sj-cm-section">
      <Typography.Title level={2} className="sj-cm-h2">
        {t('cm.proposals.title')}
      </Typography.Title>
      <Table<Proposal>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={loaded.value.items}
        locale={{ emptyText: t('cm.proposals.empty') }}
        columns={[
          { title: t('cm.proposals.item'), key: 'item', render: (_: unknown, proposal) => pick(proposal.item.title, locale, proposal.serviceItemKey) },
          { title: t('cm.needs.status'), key: 'status', render: (_: unknown, proposal) => <StatusBadge tone={statusTone[proposal.status]}>{t(statusLabel[proposal.status])}</StatusBadge> },
          { title: t('cm.proposals.approval'), key: 'approval', render: (_: unknown, proposal) => <Link to={`/workspace/instances/${encodeURIComponent(proposal.instanceId)}`}>{t('cm.proposals.openApproval')}</Link> },
          {
            title: t('cm.proposals.origins'),
            key: 'origins',
            render: (_: unknown, proposal) =>
              proposal.status === 'published' ? (
                <Button size="small" onClick={() => void showOrigins(proposal.serviceItemKey)}>
                  {t('cm.proposals.origins')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={origins !== undefined} onCancel={() => setOrigins(undefined)} footer={null} title={t('cm.proposals.originsOf', { key: origins?.key ?? '' })}>
        {origins && 'error' in origins ? <Alert type="error" showIcon title={origins.error} /> : null}
        {origins && 'needs' in origins ? (
          <ul className="sj-ws-list">
            {origins.needs.map((need) => (
              <li key={need.id} className="sj-ws-card">
                <div className="sj-ws-row">
                  <strong>{need.orgUnitName}</strong>
                  <span className="sj-ws-meta">{need.answeredAt.slice(0, 10)}</span>
                </div>
                {need.description === null ? null : <p>{need.description}</p>}
              </li>
            ))}
          </ul>
        ) : null}
      </Modal>
    </div>
  );
}
