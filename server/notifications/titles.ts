import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import type { DefinitionCache } from '../engine/definition-cache';
import type { Localized, MessageParams } from './messages';

const localized = (text: { 'zh-CN': string; en?: string | undefined } | undefined, fallback: string): Localized => (text === undefined ? { 'zh-CN': fallback, en: fallback } : { 'zh-CN': text['zh-CN'], en: text.en ?? text['zh-CN'] });

/** The workflow's and the step's names, so a notification reads "新待办：接单" rather than a state key. */
export async function titleParams(db: Kysely<Database>, definitions: DefinitionCache, instance: { definition_key: string; definition_version: number; state: string }, state: string | undefined): Promise<MessageParams> {
  const definition = await definitions.workflow(db, instance.definition_key, instance.definition_version).catch(() => undefined);
  const key = state ?? instance.state;
  const spec = definition?.states[key];
  return { workflow: localized(definition?.title, instance.definition_key), task: localized(spec?.task?.title, key) };
}
