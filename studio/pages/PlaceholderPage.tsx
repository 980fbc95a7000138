import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { useT, type MessageKey } from '../i18n';

/** A clearly titled page that a later issue fills in, so navigation works end to end today. */
export function PlaceholderPage({ title, description, issue, children }: { title: MessageKey; description: MessageKey; issue: number; children?: ReactNode }) {
  const t = useT();
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t(title)}
      </Typography.Title>
      <Typography.Paragraph>{t(description)}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('placeholder.notice', { issue })} style={{ marginBottom: 16 }} />
      {children}
    </section>
  );
}
