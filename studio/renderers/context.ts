import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Translator } from '@jsonforms/core';
import { FormStore, type ControlState } from '../forms/form-store';

export const FormStoreContext = createContext<FormStore>(new FormStore('zh-CN'));

/** Layout width of the form's own container (not the window), so a 360 px preview frame on a desktop screen lays out as a phone. */
export type FormWidth = 'phone' | 'desktop';
export const FormWidthContext = createContext<FormWidth>('desktop');
export const useFormWidth = () => useContext(FormWidthContext);

/**
 * The whole form is shown to be read, not filled (`readonly`): a record, an instance's submitted data.
 * Markers that only ask something of the person filling it in (required) are left out; help texts stay,
 * since many say what a value means ("实际服务时间，不含路途时间").
 */
export const FormReadonlyContext = createContext(false);
export const useFormReadonly = () => useContext(FormReadonlyContext);

export interface UploadedFile {
  id: string;
  name: string;
  /** A URL to show a thumbnail, when the server offers one. */
  url?: string;
}

/**
 * Sends one file somewhere and resolves with its attachment id. The workspace points it at the
 * server's attachments API; tests and the preview pass their own.
 */
export interface UploadFile {
  (file: File, onProgress: (percent: number) => void): Promise<UploadedFile>;
  /** Where a file stored before is read, so that a form opened later shows it (a photo as a picture). */
  urlOf?: ((id: string) => string) | undefined;
}
export const UploadContext = createContext<UploadFile | undefined>(undefined);

/** Rules, computed flag and the message to show for the control at `path`. */
export function useControlState(path: string): ControlState & { touch(): void } {
  const store = useContext(FormStoreContext);
  const state = useSyncExternalStore(
    store.subscribe,
    () => store.controlState(path),
    () => store.controlState(path),
  );
  const touch = useCallback(() => store.touch(path), [store, path]);
  return { ...state, touch };
}

/** The form's own translations (form.i18n[locale]), as JSON Forms' translator; stable per locale. */
export type FormTranslate = Translator;
const untranslated = ((_key: string, defaultMessage: string | undefined) => defaultMessage) as Translator;
export const FormTranslateContext = createContext<FormTranslate>(untranslated);
export const useFormTranslate = () => useContext(FormTranslateContext);

/**
 * Called by array rows while rendering. Only tests provide it: it is how the render-isolation test
 * sees which rows re-rendered, without timing guesses.
 */
export const RenderObserverContext = createContext<((what: string) => void) | undefined>(undefined);

export interface ReferenceOption {
  value: string;
  label: string;
  /** The label in both languages, where the record has them: the control shows the reader's. */
  labels?: { 'zh-CN': string; en?: string | undefined } | undefined;
}

/**
 * Choices for a field that refers to other records (`options.ref`: "team", "serviceCategory", …). The
 * workspace answers from the API; where nothing answers, such a field takes free text.
 */
export type LookupReferences = (ref: string) => Promise<ReferenceOption[]>;
export const ReferenceLookupContext = createContext<LookupReferences | undefined>(undefined);
