import { WarningOutlined } from '@ant-design/icons';
import { rankWith, type OwnPropsOfRenderer } from '@jsonforms/core';
import { useT } from '../i18n';

/**
 * Whatever no other renderer takes. JSON Forms' own fallback is an English red line; a visible,
 * translated notice tells the district officer which field to fix instead of silently dropping it.
 */
export function UnknownRenderer({ uischema, path }: OwnPropsOfRenderer) {
  const t = useT();
  const scope = uischema && 'scope' in uischema && typeof uischema.scope === 'string' ? uischema.scope : undefined;
  const where = scope ?? (path || uischema?.type || '?');
  return (
    <div className="sj-unknown" role="note" data-unknown={where}>
      <WarningOutlined style={{ color: '#d48806', marginInlineEnd: 6 }} />
      <strong>{t('form.unsupported')}</strong>
      <div className="sj-extra">{t('form.unsupportedDetail', { path: where })}</div>
    </div>
  );
}

/** Lowest rank that still counts: chosen only when every other tester says -1. */
export const unknownRendererTester = rankWith(0, () => true);
