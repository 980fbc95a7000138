import { Alert, Typography } from 'antd';
import { useLocale, useT } from './i18n';
import type { LintProblem } from './designer-api';

/** Lint problems in the person's language, each with the place it concerns. */
export function ProblemList({ problems, compact = false }: { problems: readonly LintProblem[]; compact?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  if (problems.length === 0) return compact ? null : <Typography.Text type="success" data-lint="clean">{t('designer.lint.clean')}</Typography.Text>;
  return (
    <ul className="sj-problems" data-lint="problems" style={{ margin: 0, paddingInlineStart: 18 }}>
      {problems.map((p, i) => (
        <li key={`${p.pointer}-${p.code}-${i}`} data-pointer={p.pointer} style={{ color: p.severity === 'error' ? '#a8071a' : '#874d00' }}>
          {t('designer.lint.line', { level: t(p.severity === 'error' ? 'designer.lint.error' : 'designer.lint.warning'), message: (locale === 'en' ? p.message.en : undefined) ?? p.message['zh-CN'] })}
          {compact ? null : <Typography.Text type="secondary"> {t('designer.lint.at', { pointer: p.pointer || '/' })}</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}

/** A red box with the problems of one place, or nothing. */
export function FieldProblems({ problems }: { problems: readonly LintProblem[] }) {
  if (problems.length === 0) return null;
  return <Alert type={problems.some((p) => p.severity === 'error') ? 'error' : 'warning'} showIcon title={<ProblemList problems={problems} compact />} style={{ marginBlock: 4 }} />;
}
