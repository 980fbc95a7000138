import { Tag, Typography } from 'antd';
import type { Shortfall } from '../../../runtime/rubric/shortfall';
import type { RubricDefinition } from '../../../runtime/schema/rubric';
import { useLocale, useT } from '../../i18n';
import { pick } from '../text';

/**
 * "What would lift us to the next tier": the gap (points, floors, vetoes, quota), then the fewest items
 * that close it, each by its title with the points it can add and what to do, most gainable first.
 */
export function NextTier({ next, rubric }: { next: Shortfall; rubric: RubricDefinition }) {
  const t = useT();
  const { locale } = useLocale();
  const items = [...rubric.sections.flatMap((section) => section.items), ...(rubric.bonus?.items ?? [])];
  const chosen = new Set(next.fewest);
  const steps = next.improvements.filter((option) => chosen.has(option.item));
  return (
    <>
      <Typography.Title level={3} className="sj-ws-h2">
        {t('ws.assess.lift')}
      </Typography.Title>
      {/* Explanations stored before the gap had its own text carry the whole sentence only. */}
      <p data-next>{pick(next.gap ?? next.text, locale)}</p>
      {next.gap && steps.length > 0 ? (
        <>
          <p className="sj-ws-meta">{t('ws.assess.fewest', { count: steps.length })}</p>
          <ol className="sj-ws-lift" data-fewest>
            {steps.map((option) => {
              const item = items.find((candidate) => candidate.key === option.item);
              return (
                <li key={option.item} data-item={option.item}>
                  <Tag>{option.item.toUpperCase()}</Tag>
                  <strong>{item ? pick(item.title, locale) : option.item}</strong>
                  <span className="sj-ws-lift-gain">{t('ws.assess.gain', { points: option.gain })}</span>
                  <div className="sj-ws-meta">{pick(option.hint, locale)}</div>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </>
  );
}
