import { useState } from 'react';
import { Alert, Button, Empty, Select, Space, Typography } from 'antd';
import { useLocale, useT } from './i18n';
import { describeChange } from './describe-change';
import { designerApi } from './designer-api';
import { useAsync } from './use-async';

/** Two versions side by side in words: pick "from" and "to" among the stored versions. */
export function DiffPanel({ kind, definitionKey, current }: { kind: string; definitionKey: string; current: number }) {
  const t = useT();
  const { locale } = useLocale();
  const versions = useAsync(() => designerApi().list({ kind, key: definitionKey }), [kind, definitionKey, current]);
  const numbers = (versions.data?.items ?? []).map((row) => row.version).sort((x, y) => x - y);
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const left = from ?? numbers.filter((n) => n < current).at(-1) ?? numbers[0];
  const right = to ?? current;
  const [asked, setAsked] = useState<{ from: number; to: number }>();
  const result = useAsync(async () => {
    if (!asked) return undefined;
    const client = designerApi();
    const [diff, before, after] = await Promise.all([
      client.diff(kind, definitionKey, asked.from, asked.to),
      client.get(kind, definitionKey, asked.from),
      client.get(kind, definitionKey, asked.to),
    ]);
    return diff.changes.map((change) => describeChange(change, before.body, after.body, t, locale));
  }, [asked, locale]);
  const options = numbers.map((n) => ({ value: n, label: `v${n}` }));
  return (
    <div data-diff>
      <Space wrap>
        <span>{t('designer.diff.from')}</span>
        <Select aria-label={t('designer.diff.from')} style={{ width: 100 }} value={left} onChange={setFrom} options={options} />
        <span>{t('designer.diff.to')}</span>
        <Select aria-label={t('designer.diff.to')} style={{ width: 100 }} value={right} onChange={setTo} options={options} />
        <Button disabled={left === undefined || left === right} onClick={() => left !== undefined && setAsked({ from: left, to: right })}>
          {t('designer.diff.compare')}
        </Button>
      </Space>
      {result.error ? <Alert type="error" showIcon title={result.error.message} style={{ marginTop: 8 }} /> : null}
      {result.data === undefined ? null : result.data.length === 0 ? (
        <Empty description={t('designer.diff.none')} />
      ) : (
        <ol style={{ marginTop: 12 }} data-diff-lines>
          {result.data.map((line, i) => (
            <li key={i}>
              <Typography.Text>{line}</Typography.Text>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
