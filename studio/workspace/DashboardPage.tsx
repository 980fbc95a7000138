import { Alert, Button, Card, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { REPORT_CHARTS, type Report, type ReportChartSpec } from './report-charts';
import { ReportChart } from './ReportChart';
import { useLoad } from './use-load';
import { WorkspaceNav } from './WorkspaceNav';
import './workspace.css';

function ReportCard({ spec }: { spec: ReportChartSpec }) {
  const t = useT();
  const { locale } = useLocale();
  const [report, reload] = useLoad((signal) => api.get<Report>(`/api/reports/${spec.name}`, { signal }), [spec.name], t);
  const title = report.status === 'ready' ? (locale === 'en' ? report.value.title.en : report.value.title['zh-CN']) : t(`ws.dashboard.report.${spec.name}`);
  return (
    <Card
      size="small"
      title={<h2 className="sj-ws-h2" style={{ margin: 0 }}>{title}</h2>}
      data-report={spec.name}
      extra={
        <a href={`/api/reports/${spec.name}?format=xlsx`} download aria-label={t('ws.dashboard.exportOf', { report: title })}>
          <DownloadOutlined /> {t('ws.dashboard.export')}
        </a>
      }
    >
      {report.status === 'loading' ? <PageLoading /> : null}
      {report.status === 'failed' ? <Alert type="warning" showIcon title={report.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {report.status === 'ready' ? (
        report.value.rows.length === 0 ? (
          <p className="sj-ws-meta">{t('ws.dashboard.empty')}</p>
        ) : (
          <>
            <p className="sj-ws-meta">{report.value.period ? t('ws.dashboard.period', { from: report.value.period.from, to: report.value.period.to }) : null}</p>
            <ReportChart spec={spec} report={report.value} locale={locale} label={title} noBars={t('ws.dashboard.noBars')} highest={(shown, total) => t('ws.dashboard.highest', { shown, total })} />
            <details>
              <summary>{t('ws.dashboard.table')}</summary>
              <Table
                size="small"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: true }}
                rowKey={(_, index) => String(index)}
                dataSource={report.value.rows}
                columns={report.value.columns.map((c) => ({ key: c.key, dataIndex: c.key, title: locale === 'en' ? c.en : c.zh }))}
              />
            </details>
          </>
        )
      ) : null}
    </Card>
  );
}

/** 数据看板: every server report as a chart with its table and an Excel export of the same rows. */
export default function DashboardPage() {
  const t = useT();
  return (
    <section className="sj-ws">
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('ws.dashboard.title')}
      </Typography.Title>
      <div className="sj-ws-dash">
        {REPORT_CHARTS.map((spec) => (
          <ReportCard key={spec.name} spec={spec} />
        ))}
      </div>
    </section>
  );
}
