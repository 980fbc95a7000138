import type { baseZhCN } from './base.zh-CN';
import { workspaceEn } from '../workspace/messages.en';
import { storeEn } from '../store/messages.en';
import { publicEn } from '../public/messages.en';
import { notificationsEn } from '../notifications/messages.en';
import { communityEn } from '../community/messages.en';

/**
 * English — the keys of base.zh-CN.ts (the type makes a missing key a compile error). Loaded only when a
 * person chooses English (loadLocale), with antd's English texts: Chinese is the default.
 */
export const baseEn: Record<keyof typeof baseZhCN, string> = {
  'app.title': 'Shijian · Civilization Practice',
  'app.shortTitle': 'Shijian',
  'app.loading': 'Loading…',
  'app.notFound': 'Page not found',
  'app.backHome': 'Back to home',
  'app.forbidden': 'You do not have access to this page',
  'app.retry': 'Retry',

  'lang.label': 'Language',
  'lang.zh-CN': '中文',
  'lang.en': 'English',
  'lang.switchTo': '中文',

  'nav.designer': 'Designer',
  'nav.workspace': 'Workspace',
  'nav.logout': 'Log out',
  'nav.preview': 'Form preview',

  'login.title': 'Log in',
  'login.subtitle': 'Civilization practice center · institutes · stations',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.usernameRequired': 'Enter your username',
  'login.passwordRequired': 'Enter your password',
  'login.failed': 'Login failed: {detail}',
  'login.demoHint': 'Demo accounts (e.g. district.admin, station.admin, resident1) all use the password shijian-demo',

  'placeholder.notice': 'This page is built in issue #{issue}.',
  'designer.title': 'Designer · Definitions',
  'designer.openPreview': 'Preview a form',
  'designer.formKey': 'Form key, e.g. activity-record',
  'user.menu': 'Signed in as {name}',
  'nav.main': 'Main navigation',
  'workspace.title': 'Workspace · My tasks',
  'workspace.description': 'Work on the tasks assigned to you: dispatching, accepting and rating orders, self-assessment.',

  'preview.title': 'Form preview: {title}',
  'preview.desktop': 'Desktop',
  'preview.phone': 'Phone (360 px)',
  'preview.formLanguage': 'Form language',
  'preview.data': 'Form data',
  'preview.issues': 'Validation',
  'preview.noIssues': 'No problems',
  'preview.loadFailed': 'Could not load the form definition: {detail}',
  'preview.version': 'Version {version}',
  'harness.missing': 'No form definition given (window.__SHIJIAN_FORM__)',

  'form.required': 'Required',
  'form.submit': 'Submit',
  'form.submitting': 'Submitting…',
  'form.submitted': 'Submitted',
  'form.fixErrors': '{count} field(s) need attention',
  'form.computed': 'Computed',
  'form.unsupported': 'Unsupported field',
  'form.unsupportedDetail': 'Field {path} cannot be shown; please contact an administrator.',
  'form.selectPlaceholder': 'Select',
  'form.tagsPlaceholder': 'Type and press Enter to add',
  'form.datePlaceholder': 'Select date',
  'form.dateTimePlaceholder': 'Select date and time',
  'form.yes': 'Yes',
  'form.no': 'No',
  'form.rating.star': '{count} star(s)',
  'form.rating.value': '{value} of {max} stars',

  'draft.restored': 'Restored the draft saved at {time}',
  'draft.offline': 'You are offline: what you entered is kept on this device; submit when you are back online',
  'draft.discard': 'Discard draft',

  'array.add': 'Add row',
  'array.remove': 'Remove',
  'array.moveUp': 'Move up',
  'array.moveDown': 'Move down',
  'array.empty': 'No rows',
  'array.row': 'Row {index}',
  'array.actions': 'Actions',

  'upload.image': 'Upload photo',
  'upload.file': 'Upload file',
  'upload.tooLarge': '{name} is larger than {max} MB',
  'upload.tooMany': 'At most {max} files',
  'upload.wrongType': '{name}: file type not allowed',
  'upload.failed': '{name} failed to upload',
  'upload.limits': 'Up to {maxFiles}, each at most {maxSizeMb} MB',
  'upload.none': 'None attached',
  'upload.noUploader': 'Uploading is not available on this page',

  'api.unavailable': 'The server cannot be reached right now; please try again later',
  'api.network': 'Network error; check your connection and retry',
  ...workspaceEn,
  ...storeEn,
  ...publicEn,
  ...notificationsEn,
  ...communityEn,
};

export { default as antdEn } from 'antd/es/locale/en_US';
