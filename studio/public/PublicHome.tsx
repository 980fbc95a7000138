import { Link } from 'react-router-dom';
import { useLocale, useT } from '../i18n';
import { FigureList, Status } from './PublicPages';
import { unitName, usePublic, type Figures, type PublicUnit } from './public-api';

export function PublicHome() {
  const t = useT();
  const { locale } = useLocale();
  const figures = usePublic<{ district: Figures }>('/api/public/figures');
  const units = usePublic<{ units: PublicUnit[] }>('/api/public/units');
  return (
    <>
      <h2>{t('pub.figures.title')}</h2>
      <Status state={figures.state} reload={figures.reload}>
        {(data) => <FigureList figures={data.district} />}
      </Status>
      <p className="pub-actions">
        <Link to="/public/tiers">{t('pub.home.more')}</Link>
      </p>
      <h2>{t('pub.home.institutes')}</h2>
      <Status state={units.state} reload={units.reload}>
        {(data) => (
          <ul className="pub-list">
            {data.units
              .filter((unit) => unit.level === 'institute')
              .map((unit) => (
                <li key={unit.id}>
                  <Link to={`/public/units/${unit.id}`}>{unitName(unit, locale)}</Link>
                </li>
              ))}
          </ul>
        )}
      </Status>
    </>
  );
}
