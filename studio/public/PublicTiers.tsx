import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLocale, useT } from '../i18n';
import { levelKey, Status } from './PublicPages';
import { pick, unitName, usePublic, type TiersPage } from './public-api';

/** The year's published tiers, grouped by tier, with the rubric (sections and points) they were scored under. */
export function PublicTiers() {
  const [year, setYear] = useState<number | undefined>();
  const { state, reload } = usePublic<TiersPage>(year === undefined ? '/api/public/tiers' : `/api/public/tiers?year=${year}`);
  return (
    <Status state={state} reload={reload}>
      {(data) => <Tiers data={data} onYear={setYear} />}
    </Status>
  );
}

function Tiers({ data, onYear }: { data: TiersPage; onYear: (year: number) => void }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.year === null) return <p className="pub-muted">{t('pub.tiers.noYear')}</p>;
  const tierTitles = new Map<string, string>();
  for (const rubric of data.rubrics) for (const tier of rubric.tiers) if (!tierTitles.has(tier.key)) tierTitles.set(tier.key, pick(tier.title, locale));
  const order = [...tierTitles.keys()];
  const groups = order.map((tier) => ({ tier, units: data.units.filter((unit) => unit.tier === tier) })).filter((group) => group.units.length > 0);
  return (
    <>
      <h2>{t('pub.tiers.title', { year: data.year })}</h2>
      {data.years.length > 1 ? (
        <div className="pub-years" role="group" aria-label={t('pub.tiers.year')}>
          {data.years.map((year) => (
            <button key={year} type="button" aria-pressed={year === data.year} onClick={() => onYear(year)}>
              {year}
            </button>
          ))}
        </div>
      ) : null}
      {groups.length === 0 ? <p className="pub-muted">{t('pub.tiers.none')}</p> : null}
      {groups.map((group) => (
        <section key={group.tier}>
          <h3>
            {tierTitles.get(group.tier) ?? group.tier}
            <span className="pub-tag">{t('pub.tiers.count', { count: group.units.length })}</span>
          </h3>
          <ul className="pub-list">
            {group.units.map((unit) => (
              <li key={unit.unitId} className="pub-row">
                <Link to={`/public/units/${unit.unitId}`}>
                  {unitName(unit, locale)}
                  <span className="pub-tag">{t(levelKey(unit.level))}</span>
                </Link>
                <span className={`pub-tag ${unit.status}`}>{t(unit.status === 'final' ? 'pub.tiers.final' : 'pub.tiers.notice')}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {data.rubrics.map((rubric) => (
        <details key={`${rubric.level}-${rubric.key}`}>
          <summary>{t('pub.tiers.rubric', { title: pick(rubric.title, locale), points: rubric.totalPoints ?? 0 })}</summary>
          <ul className="pub-list">
            {rubric.tiers
              .filter((tier) => tier.minScore !== null)
              .map((tier) => (
                <li key={tier.key} className="pub-muted">
                  {t('pub.tiers.threshold', { tier: pick(tier.title, locale), score: tier.minScore ?? 0 })}
                </li>
              ))}
          </ul>
          {rubric.sections.map((section) => (
            <details key={section.key}>
              <summary className="pub-row">
                <span>{pick(section.title, locale)}</span>
                <span>{t('pub.tiers.points', { points: section.points })}</span>
              </summary>
              <ul className="pub-list">
                {section.items.map((item) => (
                  <li key={item.key} className="pub-row">
                    <span>{pick(item.title, locale)}</span>
                    <span className="pub-muted">{t('pub.tiers.points', { points: item.points })}</span>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </details>
      ))}
    </>
  );
}
