import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import { UPDATE_DATA, type JsonFormsCore, type JsonSchema, type Middleware, type Translator, type UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import type { FormDefinition } from '../../runtime/schema/form';
import { ApiError } from '../api/client';
import { antdLocale, LocaleScope, translator, useLoadedLocale, useLocale, type Locale } from '../i18n';
import { shijianRenderers } from '../renderers';
import { FormReadonlyContext, FormStoreContext, FormTranslateContext, FormWidthContext, UploadContext, type FormWidth, type UploadFile } from '../renderers/context';
import '../renderers/renderers.css';
import { withDefaults } from './defaults';
import { clearDraft, loadDraft, saveDraft } from './drafts';
import { FormStore } from './form-store';
import { applyComputed, validateFormData } from './form-runtime';
import { issuesFromProblem, type FormIssueLike } from './issues';
import { getAtPath } from './paths';
import { computedPaths, rulesByPath, visibleIssues, withComputed } from './form-logic';
import { PHONE_MAX_WIDTH, useMeasuredWidth, useOffline } from './form-hooks';

export { PHONE_MAX_WIDTH };

export type FormData = Record<string, unknown>;

export interface ShijianFormProps {
  form: FormDefinition;
  data?: FormData | undefined;
  /** Every change, with computed values filled in and the issues runtime/form reports for it. */
  onChange?: ((data: FormData, issues: FormIssueLike[]) => void) | undefined;
  locale?: Locale | undefined;
  readonly?: boolean | undefined;
  /** Saves a draft to this device under this key as the person types; restored on the next visit. */
  draftKey?: string | undefined;
  /**
   * Shows a submit button; called only when there are no issues. The draft is cleared when it resolves.
   * If it throws an ApiError with field errors (a 422 problem+json), those appear at their fields.
   */
  onSubmit?: ((data: FormData) => void | Promise<void>) | undefined;
  submitLabel?: string | undefined;
  /** Where uploads go; defaults to the nearest UploadContext. */
  uploadFile?: UploadFile | undefined;
  /** Issues from elsewhere (the server) shown at their fields until the person changes those fields. */
  serverIssues?: FormIssueLike[] | undefined;
  /** Forces phone or desktop layout; by default the form measures its own width. */
  width?: FormWidth | undefined;
}

const DRAFT_DELAY_MS = 400;

/**
 * A form definition rendered with Shijian's Ant Design renderers: expression rules hide or disable
 * fields, computed fields fill themselves in, messages come in the person's language and appear once
 * a field was touched (or on submit), and with a `draftKey` nothing typed is lost offline.
 *
 * @example <ShijianForm form={def} data={data} onChange={(d, issues) => setData(d)} draftKey={`order-${id}`} />
 */
export function ShijianForm(props: ShijianFormProps) {
  const { form, onChange, readonly, draftKey, onSubmit, submitLabel, uploadFile, width } = props;
  const outer = useLocale();
  // A form previewed in English inside a Chinese page loads the English catalog first.
  const locale = useLoadedLocale(props.locale ?? outer.locale);
  const t = translator(locale);
  const [store] = useState(() => new FormStore(locale));
  const [containerRef, formWidth] = useMeasuredWidth(width);
  const offline = useOffline();

  const [draft] = useState(() => (draftKey ? loadDraft<FormData>(draftKey) : undefined));
  const [showDraftNotice, setShowDraftNotice] = useState(draft !== undefined);
  const [data, setData] = useState<FormData>(() => {
    const initial = applyComputed(form, draft?.data ?? withDefaults(form.schema, props.data ?? {}));
    const rules = rulesByPath(form, initial);
    store.update({ rules, computed: new Set(computedPaths(form)), issues: visibleIssues(validateFormData(form, initial), rules) });
    return initial;
  });
  const latest = useRef<FormData>(data);
  const initialData = useRef<FormData>(data);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // JSON Forms reports changes 10 ms late; the middleware sees every edit at once, so a submit or a
  // closing page never acts on data one keystroke old.
  const coreData = useRef<FormData | undefined>(undefined);
  const unsaved = useRef(false);
  const middleware = useCallback<Middleware>((state, action, reducer) => {
    const next = reducer(state, action);
    coreData.current = next.data as FormData;
    if (action.type === UPDATE_DATA) unsaved.current = true;
    return next;
  }, []);
  const [submitState, setSubmitState] = useState<{ busy: boolean; message?: string }>({ busy: false });

  useEffect(() => store.update({ locale }), [store, locale]);
  useEffect(() => store.setExternal(props.serverIssues ?? []), [store, props.serverIssues]);

  const evaluate = useCallback(
    (next: FormData) => {
      const rules = rulesByPath(form, next);
      const issues = visibleIssues(validateFormData(form, next), rules);
      store.update({ rules, computed: new Set(computedPaths(form)), issues });
      return issues;
    },
    [form, store],
  );

  // Adopt data pushed from outside (another preview of the same form, a server reload) without echoing
  // it back through onChange: two forms sharing one parent state would otherwise ping-pong forever.
  const lastProp = useRef(props.data);
  useEffect(() => {
    if (props.data === lastProp.current) return;
    lastProp.current = props.data;
    if (!props.data || props.data === latest.current) return;
    const next = withComputed(form, props.data);
    latest.current = next;
    setData(next);
    evaluate(next);
  }, [props.data, form, evaluate]);

  // A new definition (the designer's live preview) re-evaluates the current data under it.
  const firstForm = useRef(form);
  useEffect(() => {
    if (form === firstForm.current) return;
    firstForm.current = form;
    const next = applyComputed(form, latest.current);
    latest.current = next;
    setData(next);
    evaluate(next);
  }, [form, evaluate]);

  const flushDraft = useCallback(() => {
    clearTimeout(draftTimer.current);
    if (draftKey && unsaved.current) saveDraft(draftKey, coreData.current ?? latest.current);
    unsaved.current = false;
  }, [draftKey]);

  const handleJsonFormsChange = useCallback(
    ({ data: changed }: Pick<JsonFormsCore, 'data' | 'errors'>) => {
      const next = (changed ?? {}) as FormData;
      if (next === latest.current && next !== initialData.current) return;
      const previous = latest.current;
      store.dropExternal((path) => getAtPath(previous, path) !== getAtPath(next, path));
      const computed = withComputed(form, next);
      latest.current = computed;
      if (computed !== next) setData(computed);
      const issues = evaluate(latest.current);
      onChange?.(latest.current, issues);
      if (draftKey && unsaved.current) {
        clearTimeout(draftTimer.current);
        draftTimer.current = setTimeout(flushDraft, DRAFT_DELAY_MS);
      }
    },
    [form, evaluate, onChange, draftKey, store, flushDraft],
  );
  // Leaving the page, switching apps on a phone or closing the form saves what is pending at once.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flushDraft();
    };
    window.addEventListener('pagehide', flushDraft);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flushDraft);
      document.removeEventListener('visibilitychange', onHide);
      flushDraft();
    };
  }, [flushDraft]);

  const translate = useMemo<Translator>(() => {
    const own = form.i18n?.[locale];
    const chinese = form.i18n?.['zh-CN'];
    return ((key: string, defaultMessage: string | undefined) => own?.[key] ?? chinese?.[key] ?? defaultMessage) as Translator;
  }, [form.i18n, locale]);
  const i18n = useMemo(() => ({ locale, translate }), [locale, translate]);

  const discardDraft = () => {
    clearTimeout(draftTimer.current);
    unsaved.current = false;
    if (draftKey) clearDraft(draftKey);
    setShowDraftNotice(false);
    const original = applyComputed(form, withDefaults(form.schema, props.data ?? {}));
    latest.current = original;
    setData(original);
    onChange?.(original, evaluate(original));
  };

  const submit = async () => {
    if (coreData.current && coreData.current !== latest.current) handleJsonFormsChange({ data: coreData.current, errors: [] });
    store.revealAll();
    const issues = store.issues();
    if (issues.length > 0) {
      setSubmitState({ busy: false, message: t('form.fixErrors', { count: issues.length }) });
      // Take the person to the first field to fix, once the revealed messages have rendered.
      setTimeout(() => {
        const first = containerRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        first?.focus();
        first?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      }, 0);
      return;
    }
    if (!onSubmit) return;
    // The server judges again; its old objections must not block a retry.
    store.setExternal([]);
    setSubmitState({ busy: true });
    try {
      await onSubmit(latest.current);
      clearTimeout(draftTimer.current);
      unsaved.current = false;
      if (draftKey) clearDraft(draftKey);
      setShowDraftNotice(false);
      setSubmitState({ busy: false, message: t('form.submitted') });
    } catch (error) {
      // The draft stays: a failed submit (often: no network) must not cost the person their input.
      if (error instanceof ApiError && error.errors.length > 0) store.setExternal(issuesFromProblem(error.errors));
      const message = error instanceof ApiError && error.isNetwork ? t('api.network') : error instanceof Error ? error.message : String(error);
      setSubmitState({ busy: false, message });
    }
  };

  const body = (
    <JsonForms
      schema={form.schema as JsonSchema}
      uischema={form.uischema as UISchemaElement | undefined}
      data={data}
      renderers={shijianRenderers}
      validationMode="NoValidation"
      readonly={readonly}
      i18n={i18n}
      onChange={handleJsonFormsChange}
      middleware={middleware}
    />
  );

  return (
    <LocaleScope locale={locale}>
      <ConfigProvider locale={antdLocale(locale)}>
        <FormStoreContext.Provider value={store}>
          <FormTranslateContext.Provider value={translate}>
            <FormWidthContext.Provider value={formWidth}>
              <FormReadonlyContext.Provider value={readonly === true}>
                <div ref={containerRef} className={`sj-form sj-form-${formWidth}${readonly ? ' sj-form-readonly' : ''}`} lang={locale} data-form={form.key}>
                  {showDraftNotice && draft ? (
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 16 }}
                      title={t('draft.restored', { time: dayjs(draft.savedAt).format('YYYY-MM-DD HH:mm') })}
                      action={
                        <Button size="small" onClick={discardDraft}>
                          {t('draft.discard')}
                        </Button>
                      }
                      closable={{ onClose: () => setShowDraftNotice(false) }}
                    />
                  ) : null}
                  {offline && draftKey && !readonly ? <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('draft.offline')} /> : null}
                  {uploadFile ? <UploadContext.Provider value={uploadFile}>{body}</UploadContext.Provider> : body}
                  {onSubmit && !readonly ? (
                    <div className="sj-form-actions">
                      <Button type="primary" htmlType="button" loading={submitState.busy} onClick={() => void submit()} block={formWidth === 'phone'}>
                        {submitState.busy ? t('form.submitting') : (submitLabel ?? t('form.submit'))}
                      </Button>
                      {submitState.message ? (
                        <div className="sj-extra" role="status" style={{ marginTop: 8 }}>
                          {submitState.message}
                        </div>
                      ) : null}
                    </div>
                  ) : null}
                </div>
              </FormReadonlyContext.Provider>
            </FormWidthContext.Provider>
          </FormTranslateContext.Provider>
        </FormStoreContext.Provider>
      </ConfigProvider>
    </LocaleScope>
  );
}
