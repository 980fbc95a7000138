import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Input, Segmented, Switch, Tabs, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useLocale, useT, type MessageKey } from '../i18n';
import { PageLoading } from '../shell/guards';
import { describeError, useLoad } from '../workspace/use-load';
import { announceChange, notificationKinds, notificationsApi, type NotificationItem, type NotificationKind, type Preferences } from './notifications-api';
import './notifications.css';

const kindKey: Record<NotificationKind, MessageKey> = {
  assigned: 'ntf.kind.assigned',
  reminder: 'ntf.kind.reminder',
  slaWarning: 'ntf.kind.slaWarning',
  cc: 'ntf.kind.cc',
  update: 'ntf.kind.update',
};

/** 消息通知: the list (newest first, unread filter, mark read, link to the case) and the person's settings. */
export default function NotificationsPage() {
  const t = useT();
  return (
    <section className="sj-ntf">
      <Typography.Title level={1} className="sj-ntf-h1">
        {t('ntf.title')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'list', label: t('ntf.tabList'), children: <NotificationList /> },
          { key: 'preferences', label: t('ntf.tabPreferences'), children: <PreferencesForm /> },
        ]}
      />
    </section>
  );
}

function NotificationList() {
  const t = useT();
  const { locale } = useLocale();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, reload] = useLoad((signal) => notificationsApi().list({ unread: filter === 'unread' }, signal), [filter], t);
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (page.status !== 'ready') return;
    setItems(page.value.items);
    setCursor(page.value.nextCursor);
  }, [page]);

  const act = async (work: () => Promise<void>) => {
    setError(null);
    try {
      await work();
      announceChange();
    } catch (failure) {
      setError(describeError(failure, t));
    }
  };
  const markRead = (id: string) =>
    act(async () => {
      const read = await notificationsApi().markRead(id);
      setItems((list) => (filter === 'unread' ? list.filter((item) => item.id !== id) : list.map((item) => (item.id === id ? read : item))));
    });
  const markAll = () =>
    act(async () => {
      const { updated } = await notificationsApi().markAllRead();
      void message.success(t('ntf.markedAll', { count: updated }));
      reload();
    });
  const loadMore = () =>
    act(async () => {
      if (cursor === null) return;
      const next = await notificationsApi().list({ unread: filter === 'unread', cursor });
      setItems((list) => [...list, ...next.items]);
      setCursor(next.nextCursor);
    });

  return (
    <div>
      <div className="sj-ntf-toolbar">
        <Segmented
          value={filter}
          onChange={(value) => setFilter(value as 'all' | 'unread')}
          options={[
            { value: 'all', label: t('ntf.filterAll') },
            { value: 'unread', label: t('ntf.filterUnread') },
          ]}
        />
        <Button onClick={() => void markAll()}>{t('ntf.markAllRead')}</Button>
      </div>
      {error !== null ? <Alert type="error" showIcon title={error} /> : null}
      {page.status === 'loading' ? <PageLoading /> : null}
      {page.status === 'failed' ? <Alert type="error" showIcon title={page.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : null}
      {page.status === 'ready' && items.length === 0 ? <p>{t('ntf.empty')}</p> : null}
      <ul className="sj-ntf-list" aria-label={t('ntf.tabList')}>
        {items.map((item) => (
          <li key={item.id} className={`sj-ntf-item${item.readAt === null ? ' sj-ntf-unread' : ''}`} data-notification={item.id} data-read={item.readAt === null ? 'false' : 'true'}>
            <div className="sj-ntf-row">
              <span className="sj-ntf-title">{item.title[locale]}</span>
              <span className="sj-ntf-tags">
                {item.urgency === 'urgent' ? <Tag color="red">{t('ntf.urgent')}</Tag> : null}
                <Tag>{t(kindKey[item.kind])}</Tag>
                <Tag color={item.readAt === null ? 'blue' : undefined}>{item.readAt === null ? t('ntf.unread') : t('ntf.read')}</Tag>
              </span>
            </div>
            <div className="sj-ntf-row">
              <time dateTime={item.createdAt} className="sj-ntf-time">
                {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
              </time>
              <span className="sj-ntf-actions">
                {item.instanceId !== null ? (
                  <Link to={`/workspace/instances/${encodeURIComponent(item.instanceId)}`} onClick={() => (item.readAt === null ? void markRead(item.id) : undefined)}>
                    {t('ntf.open')}
                  </Link>
                ) : null}
                {item.readAt === null ? (
                  <Button size="small" onClick={() => void markRead(item.id)}>
                    {t('ntf.markRead')}
                  </Button>
                ) : null}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {cursor !== null ? <Button onClick={() => void loadMore()}>{t('ntf.loadMore')}</Button> : null}
    </div>
  );
}

function PreferencesForm() {
  const t = useT();
  const { locale } = useLocale();
  const [loaded, reload] = useLoad((signal) => notificationsApi().preferences(signal), [], t);
  const [draft, setDraft] = useState<Preferences | null>(null);
  const [quiet, setQuiet] = useState(false);
  const [range, setRange] = useState({ start: '22:00', end: '07:00' });
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (loaded.status !== 'ready') return;
    setDraft(loaded.value);
    setQuiet(loaded.value.quietHours !== null);
    if (loaded.value.quietHours !== null) setRange(loaded.value.quietHours);
  }, [loaded]);

  if (loaded.status === 'loading' || draft === null) return loaded.status === 'failed' ? <Alert type="error" showIcon title={loaded.message} action={<Button onClick={reload}>{t('app.retry')}</Button>} /> : <PageLoading />;

  const save = async () => {
    setSaving(true);
    setErrors(new Map());
    setFailure(null);
    try {
      const saved = await notificationsApi().savePreferences({ channels: draft.channels, quietHours: quiet ? range : null });
      setDraft(saved);
      void message.success(t('ntf.prefs.saved'));
    } catch (error) {
      // The server's pointers say which field; the words come from our catalog, in the reader's language.
      if (error instanceof ApiError && error.errors.length > 0) setErrors(new Map(error.errors.map((e) => [e.pointer, e.pointer.startsWith('/channels') ? t('ntf.prefs.channelInvalid') : t('ntf.prefs.quietInvalid')])));
      else setFailure(describeError(error, t));
    } finally {
      setSaving(false);
    }
  };
  const channels = draft.availableChannels;
  return (
    <form
      className="sj-ntf-prefs"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t('ntf.prefs.channels')}</legend>
        {channels.length === 0 ? <p>{t('ntf.prefs.noChannels')}</p> : null}
        {channels.length > 0
          ? notificationKinds.map((kind) => (
              <div key={kind} className="sj-ntf-pref-row" data-kind={kind}>
                <span className="sj-ntf-pref-kind">{t(kindKey[kind])}</span>
                <Checkbox.Group
                  value={draft.channels[kind]}
                  onChange={(value) => setDraft({ ...draft, channels: { ...draft.channels, [kind]: value as string[] } })}
                  options={channels.map((channel) => ({ value: channel.id, label: channel.label[locale] }))}
                />
              </div>
            ))
          : null}
      </fieldset>
      <fieldset>
        <legend>{t('ntf.prefs.quiet')}</legend>
        <p className="sj-ntf-hint">{t('ntf.prefs.quietHint')}</p>
        <Switch checked={quiet} onChange={setQuiet} aria-label={t('ntf.prefs.quiet')} />
        {quiet ? (
          <div className="sj-ntf-quiet">
            <label>
              {t('ntf.prefs.quietStart')}
              <Input type="time" name="quietStart" value={range.start} status={errors.has('/quietHours/start') ? 'error' : undefined} onChange={(e) => setRange({ ...range, start: e.target.value })} />
              {errors.has('/quietHours/start') ? <span role="alert" className="sj-ntf-error">{errors.get('/quietHours/start')}</span> : null}
            </label>
            <label>
              {t('ntf.prefs.quietEnd')}
              <Input type="time" name="quietEnd" value={range.end} status={errors.has('/quietHours/end') ? 'error' : undefined} onChange={(e) => setRange({ ...range, end: e.target.value })} />
              {errors.has('/quietHours/end') ? <span role="alert" className="sj-ntf-error">{errors.get('/quietHours/end')}</span> : null}
            </label>
          </div>
        ) : null}
      </fieldset>
      {failure !== null ? <Alert type="error" showIcon title={failure} /> : null}
      {[...errors].filter(([pointer]) => pointer.startsWith('/channels')).map(([pointer, text]) => (
        <Alert key={pointer} type="error" showIcon title={text} />
      ))}
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('ntf.prefs.save')}
      </Button>
    </form>
  );
}
