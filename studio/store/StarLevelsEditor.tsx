import { useEffect, useState } from 'react';
import { Alert, Button, InputNumber, Typography, message } from 'antd';
import { api } from '../api/client';
import { useT } from '../i18n';
import { useLoad } from '../workspace/use-load';
import { LEVEL_LABELS } from './levels';
import { storeErrorText } from './store-errors';

interface StarLevels {
  thresholds: number[];
  configured: boolean;
  version: number;
}

/** 星级标准: the district's five hour thresholds, for its district admins. */
export function StarLevelsEditor({ districtId }: { districtId: string }) {
  const t = useT();
  const [toast, toastHolder] = message.useMessage();
  const path = `/api/star-levels/${encodeURIComponent(districtId)}`;
  const [loaded, reload] = useLoad((signal) => api.get<StarLevels>(path, { signal }), [path], t);
  const [values, setValues] = useState<(number | null)[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.status === 'ready') setValues(loaded.value.thresholds);
  }, [loaded]);
  if (loaded.status !== 'ready') return loaded.status === 'failed' ? <Alert type="warning" showIcon title={loaded.message} /> : null;
  const save = async () => {
    setError(null);
    try {
      await api.put<StarLevels>(path, { thresholds: values }, { headers: { 'If-Match': `"${loaded.value.version}"` } });
      void toast.success(t('store.manage.saved'));
      reload();
    } catch (failure) {
      setError(storeErrorText(failure, t));
    }
  };
  return (
    <section aria-labelledby="sj-star-levels" data-star-levels={loaded.value.configured ? 'configured' : 'default'}>
      {toastHolder}
      <Typography.Title level={2} className="sj-ws-h2" id="sj-star-levels">
        {t('store.levels.title')}
      </Typography.Title>
      <p className="sj-ws-meta">{loaded.value.configured ? t('store.levels.configured') : t('store.levels.default')}</p>
      <div className="sj-ws-row" style={{ justifyContent: 'flex-start' }}>
        {values.map((value, index) => (
          <label key={index} className="sj-ws-row" style={{ gap: 4 }}>
            <span>{t(LEVEL_LABELS[index + 1] ?? 'store.level.5')}</span>
            <InputNumber min={1} max={100000} value={value} onChange={(next) => setValues(values.map((v, i) => (i === index ? next : v)))} suffix={t('store.levels.hours')} />
          </label>
        ))}
      </div>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} /> : null}
      <Button type="primary" style={{ marginTop: 8 }} onClick={() => void save()}>
        {t('store.levels.save')}
      </Button>
    </section>
  );
}
