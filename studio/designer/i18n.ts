import { addMessages } from '../i18n';
import { designerEn } from './messages.en';
import { designerZhCN } from './messages.zh-CN';

// The designer's 550 messages in both languages travel with the designer's code: every designer module
// takes its translator from here, so they are in before any designer screen renders, and a resident's
// phone never downloads them.
addMessages('zh-CN', designerZhCN);
addMessages('en', designerEn);

export * from '../i18n';
