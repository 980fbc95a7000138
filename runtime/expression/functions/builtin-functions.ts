import type { AuthorFunction } from './types';

/** CEL's own functions and macros that authors use most; documented here, implemented by the library. */
const doc = (name: string, signature: string, zh: string, en: string, example: string): AuthorFunction => ({
  name,
  signature,
  description: { 'zh-CN': zh, en },
  example,
  overloads: [],
});

export const builtinFunctions: AuthorFunction[] = [
  doc('size', 'size(list | string | map) → int', '列表元素个数或字符串长度', 'Number of elements of a list, or length of a string', 'size(data.photos) >= 2'),
  doc('has', 'has(data.field) → bool', '字段是否存在；读取可选字段前先判断，否则缺失时求值失败', 'Whether a field is present; test optional fields with it, since reading a missing one fails', 'has(data.phone) && size(data.phone) == 11'),
  doc('in', 'value in list → bool', '是否为列表成员（或 map 的键）', 'Membership in a list (or a key of a map)', 'data.category in ["theory-policy", "legal-service"]'),
  doc('filter', 'list.filter(x, condition) → list', '满足条件的元素；与 size 连用即计数', 'Elements that satisfy the condition; with size it counts', 'size(data.members.filter(m, m.hours >= 2)) >= 3'),
  doc('map', 'list.map(x, expression) → list', '逐个元素计算新值', 'Transform each element', 'sum(data.members.map(m, m.hours))'),
  doc('exists', 'list.exists(x, condition) → bool', '至少一个元素满足条件', 'At least one element satisfies the condition', 'data.rooms.exists(r, r.type == "theory-lecture-room")'),
  doc('all', 'list.all(x, condition) → bool', '所有元素都满足条件（空列表为 true）', 'Every element satisfies the condition (true for an empty list)', 'data.members.all(m, m.hours > 0)'),
  doc('exists_one', 'list.exists_one(x, condition) → bool', '恰好一个元素满足条件', 'Exactly one element satisfies the condition', 'data.members.exists_one(m, m.role == "leader")'),
  doc('cel.bind', 'cel.bind(name, value, expression)', '给中间结果命名，避免重复计算', 'Name an intermediate result so it is computed once', 'cel.bind(h, sum(data.hours), h >= 8.0 && h <= 40.0)'),
  doc('contains', 'string.contains(string) → bool', '是否包含子串', 'Whether the string contains a substring', 'data.title.contains("宣讲")'),
  doc('startsWith', 'string.startsWith(string) → bool', '是否以某串开头', 'Whether the string starts with a prefix', 'data.phone.startsWith("1")'),
  doc('endsWith', 'string.endsWith(string) → bool', '是否以某串结尾', 'Whether the string ends with a suffix', 'data.file.endsWith(".pdf")'),
  doc('matches', 'string.matches("regex") → bool', '正则匹配；模式须为字面量且不得嵌套量词（防止回溯爆炸）', 'Regular-expression match; the pattern must be a literal without nested quantifiers (no catastrophic backtracking)', 'data.phone.matches("^1[0-9]{10}$")'),
  doc('timestamp', 'timestamp(string) → timestamp', '把 RFC 3339 字符串转为时间点', 'An RFC 3339 string as a timestamp', 'timestamp(now) - timestamp(data.acceptedAt) > duration("48h")'),
  doc('duration', 'duration(string) → duration', '时长，如 "48h"、"90m"', 'A duration such as "48h" or "90m"', 'duration("48h")'),
  doc('int', 'int(value) → int', '转为整数（截断小数）', 'Convert to an integer (truncates)', 'int(data.actual)'),
  doc('double', 'double(value) → number', '转为小数，用于避免整数除法', 'Convert to a double, e.g. to avoid integer division', 'double(size(data.done)) / double(size(data.all))'),
  doc('string', 'string(value) → string', '转为字符串', 'Convert to a string', 'string(data.count) + "人"'),
];
