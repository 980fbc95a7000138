import { Link, useParams } from 'react-router-dom';
import { useLocale, useT } from '../i18n';
import { FigureList, levelKey, Status } from './PublicPages';
import { formatStart, unitName, usePublic, type UnitPage } from './public-api';

/** One institute or station: where it belongs, what is coming up, its figures, the units below it. */
export function PublicUnit() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const { state, reload } = usePublic<UnitPage>(`/api/public/units/${encodeURIComponent(id)}`);
  return (
    <Status state={state} reload={reload}>
      {(data) => (
        <>
          <h2>
            {unitName(data.unit, locale)}
            <span className="pub-tag">{t(levelKey(data.unit.level))}</span>
          </h2>
          {data.parent ? (
            <p className="pub-muted">
              <Link to={data.parent.level === 'center' ? '/public' : `/public/units/${data.parent.id}`}>{t('pub.unit.parent', { name: unitName(data.parent, locale) })}</Link>
            </p>
          ) : null}
          <h3>{t('pub.unit.upcoming')}</h3>
          {data.upcoming.length === 0 ? <p className="pub-muted">{t('pub.unit.noUpcoming')}</p> : null}
          <ul className="pub-list">
            {data.upcoming.map((activity, index) => {
              const start = formatStart(activity.start, locale);
              return (
                <li key={`${activity.start}-${index}`}>
                  <strong>{activity.title}</strong>
                  <p className="pub-muted">{start.allDay ? t('pub.unit.allDay', { date: start.text }) : start.text}</p>
                  {activity.place ? <p className="pub-muted">{activity.place}</p> : null}
                  {activity.unitId !== data.unit.id ? <p className="pub-muted">{activity.unitName}</p> : null}
                </li>
              );
            })}
          </ul>
          {data.figures ? (
            <>
              <h3>{t('pub.figures.title')}</h3>
              <FigureList figures={data.figures} />
            </>
          ) : null}
          {data.children.length > 0 ? (
            <>
              <h3>{t('pub.unit.children')}</h3>
              <ul className="pub-list">
                {data.children.map((child) => (
                  <li key={child.id}>
                    <Link to={`/public/units/${child.id}`}>{unitName(child, locale)}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </Status>
  );
}
