import { designerZhCN } from '../designer/messages.zh-CN';
import { baseZhCN } from './base.zh-CN';

/**
 * The whole 简体中文 catalog, for the key type and the catalog tests. The studio never loads it as one:
 * base.zh-CN.ts comes with the first screen and the designer's part with the designer.
 */
export const zhCN = { ...baseZhCN, ...designerZhCN } as const;

export type MessageKey = keyof typeof zhCN;
