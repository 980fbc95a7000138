import { workspaceZhCN } from '../workspace/messages.zh-CN';
import { storeZhCN } from '../store/messages.zh-CN';
import { publicZhCN } from '../public/messages.zh-CN';
import { notificationsZhCN } from '../notifications/messages.zh-CN';
import { communityZhCN } from '../community/messages.zh-CN';
/**
 * 简体中文 — every message but the designer's, loaded with the first screen. `base.en.ts` carries the same
 * keys (tests/studio/i18n.test.ts); the designer's own catalogs travel with the designer (designer/i18n.ts).
 */
export const baseZhCN = {
  'app.title': '实践 · 新时代文明实践',
  'app.shortTitle': '实践',
  'app.loading': '加载中…',
  'app.notFound': '页面不存在',
  'app.backHome': '返回首页',
  'app.forbidden': '您没有访问此页面的权限',
  'app.retry': '重试',

  'lang.label': '语言',
  'lang.zh-CN': '中文',
  'lang.en': 'English',
  'lang.switchTo': 'English',

  'nav.designer': '设计器',
  'nav.workspace': '工作台',
  'nav.logout': '退出登录',
  'nav.preview': '表单预览',

  'login.title': '登录',
  'login.subtitle': '新时代文明实践中心 · 所 · 站',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.failed': '登录失败：{detail}',
  'login.demoHint': '演示账号（如 district.admin、station.admin、resident1）的密码均为 shijian-demo',

  'placeholder.notice': '此页面将在议题 #{issue} 中实现。',
  'designer.title': '设计器 · 定义管理',
  'designer.openPreview': '预览表单',
  'designer.formKey': '表单标识（key），如 activity-record',
  'user.menu': '当前用户：{name}',
  'nav.main': '主导航',
  'workspace.title': '工作台 · 我的待办',
  'workspace.description': '在这里处理分配给您的任务：派单、接单、评单和考核自评。',

  'preview.title': '表单预览：{title}',
  'preview.desktop': '桌面端',
  'preview.phone': '手机端（360 像素）',
  'preview.formLanguage': '表单语言',
  'preview.data': '表单数据',
  'preview.issues': '校验结果',
  'preview.noIssues': '没有问题',
  'preview.loadFailed': '无法加载表单定义：{detail}',
  'preview.version': '版本 {version}',
  'harness.missing': '未提供表单定义（window.__SHIJIAN_FORM__）',

  'form.required': '必填',
  'form.submit': '提交',
  'form.submitting': '正在提交…',
  'form.submitted': '已提交',
  'form.fixErrors': '还有 {count} 处需要修改',
  'form.computed': '自动计算',
  'form.unsupported': '此字段类型暂不支持',
  'form.unsupportedDetail': '字段 {path} 无法显示，请联系管理员。',
  'form.selectPlaceholder': '请选择',
  'form.tagsPlaceholder': '输入后按回车添加',
  'form.datePlaceholder': '选择日期',
  'form.dateTimePlaceholder': '选择日期时间',
  'form.yes': '是',
  'form.no': '否',
  'form.rating.star': '{count} 星',
  'form.rating.value': '{value} 星（满分 {max} 星）',

  'draft.restored': '已恢复 {time} 保存的草稿',
  'draft.offline': '网络已断开：已填写的内容保存在本机，恢复网络后再提交',
  'draft.discard': '放弃草稿',

  'array.add': '添加一行',
  'array.remove': '删除',
  'array.moveUp': '上移',
  'array.moveDown': '下移',
  'array.empty': '暂无数据',
  'array.row': '第 {index} 行',
  'array.actions': '操作',

  'upload.image': '上传照片',
  'upload.file': '上传文件',
  'upload.tooLarge': '{name} 超过 {max} MB',
  'upload.tooMany': '最多上传 {max} 个',
  'upload.wrongType': '{name} 的文件类型不允许',
  'upload.failed': '{name} 上传失败',
  'upload.limits': '最多 {maxFiles} 个，每个不超过 {maxSizeMb} MB',
  'upload.none': '未上传',
  'upload.noUploader': '当前页面不支持上传',

  'api.unavailable': '暂时无法连接服务器，请稍后重试',
  'api.network': '网络连接失败，请检查网络后重试',
  ...workspaceZhCN,
  ...storeZhCN,
  ...publicZhCN,
  ...notificationsZhCN,
  ...communityZhCN,
} as const;

