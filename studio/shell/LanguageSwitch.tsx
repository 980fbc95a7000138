import { Button } from 'antd';
import { TranslationOutlined } from '@ant-design/icons';
import { useLocale, useT } from '../i18n';

/** One button toggling 中文 ⇄ English; the label names the language you get, in that language. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      aria-label={`${t('lang.label')}: ${t('lang.switchTo')}`}
      lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
