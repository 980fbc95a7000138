import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select, Switch, Typography, message } from 'antd';
import { useAuth } from '../auth/AuthContext';
import { useLocale, useT } from '../i18n';
import { PageLoading } from '../shell/guards';
import { useLoad } from '../workspace/use-load';
import { WorkspaceNav } from '../workspace/WorkspaceNav';
import { pick } from '../workspace/text';
import { storeApi, type ItemInput, type RewardItem } from './store-api';
import { StarLevelsEditor } from './StarLevelsEditor';
import { storeErrorText } from './store-errors';
import '../workspace/workspace.css';
import './store.css';

/** One item's price, stock and availability, saved at its version (a redemption meanwhile → reload and retry). */
function ItemEditor({ item, onSaved, onError }: { item: RewardItem; onSaved: () => void; onError: (error: unknown) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [price, setPrice] = useState(item.pointsPrice);
  const [stock, setStock] = useState(item.stock);
  const [active, setActive] = useState(item.active);
  const changed = price !== item.pointsPrice || stock !== item.stock || active !== item.active;
  const save = async () => {
    try {
      await storeApi().changeItem(item, { pointsPrice: price, stock, active });
      onSaved();
    } catch (error) {
      onError(error);
    }
  };
  const title = pick(item.title, locale);
  return (
    <li className="sj-ws-card" data-item={item.id}>
      <strong>{title}</strong>
      <div className="sj-ws-row" style={{ justifyContent: 'flex-start', marginTop: 8 }}>
        <label className="sj-ws-row" style={{ gap: 4 }}>
          <span>{t('store.manage.price')}</span>
          <InputNumber min={1} max={1000000} value={price} onChange={(value) => setPrice(value ?? 1)} aria-label={t('store.manage.priceOf', { item: title })} />
        </label>
        <label className="sj-ws-row" style={{ gap: 4 }}>
          <span>{t('store.manage.stock')}</span>
          <InputNumber min={0} max={1000000} value={stock} onChange={(value) => setStock(value ?? 0)} aria-label={t('store.manage.stockOf', { item: title })} />
        </label>
        <label className="sj-ws-row" style={{ gap: 4 }}>
          <Switch checked={active} onChange={setActive} aria-label={t('store.manage.activeOf', { item: title })} />
          <span>{active ? t('store.manage.active') : t('store.manage.withdrawn')}</span>
        </label>
        <Button type="primary" disabled={!changed} onClick={() => void save()}>
          {t('store.manage.save')}
        </Button>
      </div>
    </li>
  );
}

/** 物品管理: a store's reward items (add, price, stock, withdraw), or opening a store where there is none. */
export default function ManagePage() {
  const t = useT();
  const { locale } = useLocale();
  const { state } = useAuth();
  const [toast, toastHolder] = message.useMessage();
  const [stores, reloadStores] = useLoad((signal) => storeApi().stores(true, signal), [], t);
  const [storeId, setStoreId] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (stores.status === 'ready' && storeId === undefined) setStoreId(stores.value.items[0]?.id);
  }, [stores, storeId]);
  const [items, reloadItems] = useLoad(async (signal) => (storeId ? (await storeApi().items(storeId, signal)).items : []), [storeId], t);
  const [addForm] = Form.useForm<{ zh: string; en: string; pointsPrice: number; stock: number }>();
  const [openForm] = Form.useForm<{ orgUnitId: string; zh: string; en: string }>();
  const units = [...new Map((state.user?.roles ?? []).map((g) => [g.orgUnitId, g.orgUnitName])).entries()];
  const fail = (error: unknown) => void toast.error(storeErrorText(error, t));
  const districtId = state.user?.roles.find((grant) => grant.role === 'districtAdmin')?.orgUnitId;

  const add = async (values: { zh: string; en: string; pointsPrice: number; stock: number }) => {
    if (!storeId) return;
    const input: ItemInput = { title: { 'zh-CN': values.zh, en: values.en }, pointsPrice: values.pointsPrice, stock: values.stock };
    try {
      await storeApi().addItem(storeId, input);
      addForm.resetFields();
      void toast.success(t('store.manage.added'));
      reloadItems();
    } catch (error) {
      fail(error);
    }
  };

  const open = async (values: { orgUnitId: string; zh: string; en: string }) => {
    try {
      const store = await storeApi().openStore(values.orgUnitId, { 'zh-CN': values.zh, en: values.en });
      setStoreId(store.id);
      reloadStores();
    } catch (error) {
      fail(error);
    }
  };

  if (stores.status === 'loading') return <PageLoading />;
  const operable = stores.status === 'ready' ? stores.value.items : [];
  const required = [{ required: true, message: t('form.required') }];
  return (
    <section className="sj-ws sj-store">
      {toastHolder}
      <WorkspaceNav />
      <Typography.Title level={1} className="sj-ws-h1">
        {t('store.manage.title')}
      </Typography.Title>
      {stores.status === 'failed' ? <Alert type="error" showIcon title={stores.message} /> : null}
      {operable.length > 0 ? (
        <Select aria-label={t('store.counter.store')} style={{ width: '100%', marginBottom: 12 }} value={storeId} onChange={setStoreId} options={operable.map((s) => ({ value: s.id, label: pick(s.name, locale) }))} />
      ) : null}
      {stores.status === 'ready' && operable.length === 0 ? (
        <Form form={openForm} layout="vertical" onFinish={(values) => void open(values)} initialValues={{ orgUnitId: units[0]?.[0] }}>
          <Typography.Title level={2} className="sj-ws-h2">
            {t('store.manage.open')}
          </Typography.Title>
          <Form.Item name="orgUnitId" label={t('store.manage.unit')} rules={required}>
            <Select options={units.map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="zh" label={t('store.manage.nameZh')} rules={required}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="en" label={t('store.manage.nameEn')} rules={required}>
            <Input maxLength={120} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('store.manage.openSubmit')}
          </Button>
        </Form>
      ) : null}
      {storeId ? (
        <>
          {items.status === 'failed' ? <Alert type="error" showIcon title={items.message} /> : null}
          {items.status === 'ready' && items.value.length === 0 ? <p>{t('store.counter.noItems')}</p> : null}
          <ul className="sj-ws-list">{items.status === 'ready' ? items.value.map((item) => <ItemEditor key={`${item.id}@${item.version}`} item={item} onError={(error) => { fail(error); reloadItems(); }} onSaved={() => { void toast.success(t('store.manage.saved')); reloadItems(); }} />) : null}</ul>
          <Typography.Title level={2} className="sj-ws-h2">
            {t('store.manage.add')}
          </Typography.Title>
          <Form form={addForm} layout="vertical" onFinish={(values) => void add(values)} initialValues={{ stock: 10 }}>
            <Form.Item name="zh" label={t('store.manage.titleZh')} rules={required}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="en" label={t('store.manage.titleEn')} rules={required}>
              <Input maxLength={120} />
            </Form.Item>
            <div className="sj-ws-row" style={{ justifyContent: 'flex-start' }}>
              <Form.Item name="pointsPrice" label={t('store.manage.price')} rules={required}>
                <InputNumber min={1} max={1000000} />
              </Form.Item>
              <Form.Item name="stock" label={t('store.manage.stock')} rules={required}>
                <InputNumber min={0} max={1000000} />
              </Form.Item>
            </div>
            <Button type="primary" htmlType="submit">
              {t('store.manage.addSubmit')}
            </Button>
          </Form>
        </>
      ) : null}
      {districtId ? <StarLevelsEditor districtId={districtId} /> : null}
    </section>
  );
}
