import { NavLink, Route, Routes } from 'react-router-dom';
import { useLocale, useT, type MessageKey } from '../i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { PublicHome } from './PublicHome';
import { PublicMenu } from './PublicMenu';
import { PublicTiers } from './PublicTiers';
import { PublicUnit } from './PublicUnit';
import type { Figures, Loaded } from './public-api';
import './public.css';

/**
 * The public pages (no sign-in): home with district figures, tiers, menu, one unit. Mounted at
 * `/public/*` outside RequireAuth; loaded on demand and kept free of heavy components, since they are
 * the first thing a resident opens on a phone.
 */
export default function PublicPages() {
  const t = useT();
  return (
    <div className="pub">
      <header className="pub-header">
        <h1 className="pub-brand">
          <NavLink to="/public">{t('pub.title')}</NavLink>
        </h1>
        <LanguageSwitch />
      </header>
      <p className="pub-subtitle">{t('pub.subtitle')}</p>
      <nav className="pub-nav" aria-label={t('pub.nav.label')}>
        <NavLink to="/public" end>
          {t('pub.nav.home')}
        </NavLink>
        <NavLink to="/public/tiers">{t('pub.nav.tiers')}</NavLink>
        <NavLink to="/public/menu">{t('pub.nav.menu')}</NavLink>
        <NavLink to="/login" className="pub-login">
          {t('pub.login')}
        </NavLink>
      </nav>
      <main>
        <Routes>
          <Route index element={<PublicHome />} />
          <Route path="tiers" element={<PublicTiers />} />
          <Route path="menu" element={<PublicMenu />} />
          <Route path="units/:id" element={<PublicUnit />} />
        </Routes>
      </main>
    </div>
  );
}

/** Loading, error (with retry) or the page. */
export function Status<T>({ state, reload, children }: { state: Loaded<T>; reload: () => void; children: (data: T) => React.ReactNode }) {
  const t = useT();
  if (state.status === 'loading') return <p className="pub-muted" role="status">{t('pub.loading')}</p>;
  if (state.status === 'error') {
    return (
      <div className="pub-error" role="alert">
        <p>{t(state.notFound ? 'pub.notFound' : 'pub.error')}</p>
        {state.notFound ? null : (
          <button type="button" onClick={reload}>
            {t('pub.retry')}
          </button>
        )}
      </div>
    );
  }
  return <>{children(state.data)}</>;
}

export function FigureList({ figures }: { figures: Figures }) {
  const t = useT();
  const { locale } = useLocale();
  const number = new Intl.NumberFormat(locale);
  const item = (label: MessageKey, value: React.ReactNode) => (
    <div className="pub-figure">
      <dt>{t(label)}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <dl className="pub-figures">
      {item('pub.figures.volunteers', number.format(figures.volunteers))}
      {item('pub.figures.hours', number.format(figures.volunteerHours))}
      {item('pub.figures.orders', number.format(figures.ordersServed))}
      {item(
        'pub.figures.satisfaction',
        figures.satisfaction === null ? <small>{t('pub.figures.noRatings')}</small> : <small>{t('pub.figures.stars', { value: figures.satisfaction, count: figures.ratings })}</small>,
      )}
    </dl>
  );
}

export const levelKey = (level: string): MessageKey => (level === 'center' ? 'pub.level.center' : level === 'institute' ? 'pub.level.institute' : 'pub.level.station');
