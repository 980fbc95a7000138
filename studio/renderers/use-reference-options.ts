import { useContext, useEffect, useMemo, useState } from 'react';
import { useLocale } from '../i18n';
import { ReferenceLookupContext, type ReferenceOption } from './context';

/**
 * The choices for a field that refers to other records (`options.ref`), labelled in the reader's language;
 * undefined while loading, when the lookup fails, or where no lookup is in context (the field then takes
 * free text).
 */
export function useReferenceOptions(ref: string | undefined): { value: string; label: string }[] | undefined {
  const lookup = useContext(ReferenceLookupContext);
  const { locale } = useLocale();
  const [options, setOptions] = useState<ReferenceOption[] | undefined>();
  useEffect(() => {
    if (!lookup || !ref) return;
    let live = true;
    lookup(ref)
      .then((found) => live && setOptions(found))
      .catch(() => live && setOptions(undefined));
    return () => {
      live = false;
    };
  }, [lookup, ref]);
  return useMemo(() => options?.map((option) => ({ value: option.value, label: option.labels ? (option.labels[locale] ?? option.labels['zh-CN']) : option.label })), [options, locale]);
}
