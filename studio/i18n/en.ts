import { designerEn } from '../designer/messages.en';
import { baseEn } from './base.en';
import type { MessageKey } from './zh-CN';

/** The whole English catalog (same keys as zh-CN.ts), for the catalog tests; see zh-CN.ts. */
export const en: Record<MessageKey, string> = { ...baseEn, ...designerEn };
