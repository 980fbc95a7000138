import { Card, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../i18n';
import { PlaceholderPage } from './PlaceholderPage';

export default function DesignerHome() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <PlaceholderPage title="designer.title" description="designer.description" issue={7}>
      <Card title={t('designer.openPreview')} style={{ maxWidth: 520 }}>
        <Input.Search
          aria-label={t('designer.formKey')}
          placeholder={t('designer.formKey')}
          enterButton={t('nav.preview')}
          onSearch={(key) => key.trim() && navigate(`/preview/form/${encodeURIComponent(key.trim())}`)}
        />
      </Card>
    </PlaceholderPage>
  );
}
