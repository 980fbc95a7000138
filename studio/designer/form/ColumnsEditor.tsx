import { Button, Checkbox, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { columnsOf, columnTypes, setColumns, type ColumnType, type FormBody, type TableColumn } from './form-model';

/** The columns of a table-of-rows field: key, labels, type, required. */
export function ColumnsEditor({ body, field, onChange }: { body: FormBody; field: string; onChange(body: FormBody): void }) {
  const t = useT();
  const columns = columnsOf(body, field);
  const put = (i: number, patch: Partial<TableColumn>) => onChange(setColumns(body, field, columns.map((c, j) => (j === i ? { ...c, ...patch } : c))));
  return (
    <section aria-label={t('designer.form.columns')} data-columns>
      <Typography.Text strong>{t('designer.form.columns')}</Typography.Text>
      {columns.map((column, i) => (
        <Space key={i} wrap style={{ display: 'flex', marginTop: 4 }}>
          <Input aria-label={t('designer.form.columnKey')} style={{ width: 100 }} value={column.key} onChange={(e) => /^[a-z][a-zA-Z0-9]*$/.test(e.target.value) && put(i, { key: e.target.value })} />
          <Input aria-label={t('designer.form.optionZh')} style={{ width: 110 }} value={column.zh} onChange={(e) => put(i, { zh: e.target.value })} />
          <Input aria-label={t('designer.form.optionEn')} style={{ width: 110 }} value={column.en} onChange={(e) => put(i, { en: e.target.value })} />
          <Select<ColumnType> aria-label={t('designer.form.columnType')} style={{ width: 120 }} value={column.type} onChange={(type) => put(i, { type })} options={columnTypes.map((ct) => ({ value: ct, label: t(`designer.form.type.${ct}`) }))} />
          <Checkbox checked={column.required} onChange={(e) => put(i, { required: e.target.checked })}>
            {t('designer.form.required')}
          </Checkbox>
          <Button icon={<DeleteOutlined />} disabled={columns.length <= 1} aria-label={t('designer.form.columnRemove')} onClick={() => onChange(setColumns(body, field, columns.filter((_, j) => j !== i)))} />
        </Space>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 4 }}
        onClick={() => {
          let n = columns.length + 1;
          while (columns.some((c) => c.key === `col${n}`)) n++;
          onChange(setColumns(body, field, [...columns, { key: `col${n}`, zh: t('designer.form.columnNew'), en: '', type: 'text', required: false }]));
        }}
      >
        {t('designer.form.columnAdd')}
      </Button>
    </section>
  );
}
