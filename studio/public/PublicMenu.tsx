import { useLocale, useT } from '../i18n';
import { Status } from './PublicPages';
import { pick, usePublic, type MenuPage } from './public-api';

export function PublicMenu() {
  const t = useT();
  const { locale } = useLocale();
  const { state, reload } = usePublic<MenuPage>('/api/public/menu');
  return (
    <>
      <h2>{t('pub.menu.title')}</h2>
      <p className="pub-muted">{t('pub.menu.intro')}</p>
      <Status state={state} reload={reload}>
        {(data) =>
          data.categories.map((category) => {
            const items = data.items.filter((item) => item.category === category.key);
            if (items.length === 0) return null;
            return (
              <section key={category.key}>
                <h3 style={category.color ? { borderLeft: `4px solid ${category.color}`, paddingLeft: 8 } : undefined}>{pick(category.title, locale)}</h3>
                <ul className="pub-list">
                  {items.map((item) => (
                    <li key={item.key}>
                      <div className="pub-row">
                        <strong>{pick(item.title, locale)}</strong>
                        {item.durationMinutes ? <span className="pub-muted">{t('pub.menu.minutes', { minutes: item.durationMinutes })}</span> : null}
                      </div>
                      {item.description ? <p className="pub-muted">{pick(item.description, locale)}</p> : null}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        }
      </Status>
    </>
  );
}
