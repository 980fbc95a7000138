import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { evaluate } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../runtime/expression/index';
import { applyComputed, evaluateFormRules, formExpressionScope, validateFormData } from '../../runtime/form/index';
import { definitionSchemas, isDefinitionKind } from '../../runtime/schema/kinds';
import { definitionsOf, folderOf, localizedTexts, readPack } from './pack-files';

const files = readPack();
const stationTypes = definitionsOf(files, 'stationType');
const rooms = definitionsOf(files, 'functionRoom');
const categories = definitionsOf(files, 'serviceCategory');
const items = definitionsOf(files, 'serviceItem');
const teamTypes = definitionsOf(files, 'teamType');
const forms = definitionsOf(files, 'form');
const [bundle] = [...definitionsOf(files, 'bundle').values()];

const formKeys = [
  'station-profile', 'room-registry', 'volunteer-registration', 'team-registration', 'service-order', 'order-dispatch',
  'order-completion', 'order-rating', 'reason', 'activity-record', 'meeting-record', 'training-record', 'self-assessment',
  'assessment-appeal', 'appeal-decision', 'needs-survey', 'service-item-proposal', 'wish-claim',
];
const teamTypeKeys = ['theory-lecture', 'culture-arts', 'science-popularization', 'legal-service', 'environmental-protection', 'civility', 'emergency'];
const stationTypeKeys = ['district-center', 'institute', 'station', 'service-point', 'practice-base', 'practice-point'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

describe('Liangzhou pack: files', () => {
  it.each(files.map((file) => [file.path, file] as const))('%s parses with its kind schema and sits where its kind belongs', (path, file) => {
    const kind = file.json.kind;
    expect(isDefinitionKind(kind)).toBe(true);
    if (!isDefinitionKind(kind)) return;
    const result = definitionSchemas[kind].safeParse(file.json);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(file.json.version).toBe(1);
    if (kind === 'bundle') {
      expect(path).toBe('bundle.json');
      expect(file.json.$schema).toBe('../schemas/bundle.schema.json');
    } else {
      expect(path).toBe(`${folderOf[kind]}/${String(file.json.key)}.json`);
      expect(file.json.$schema).toBe(`../../schemas/${kind}.schema.json`);
    }
  });

  it('every label carries both zh-CN and en', () => {
    const missing = files.flatMap((file) =>
      localizedTexts(file.json)
        .filter(({ text }) => typeof text.en !== 'string' || text.en.length === 0)
        .map(({ pointer }) => `${file.path}${pointer}`),
    );
    expect(missing).toEqual([]);
  });

  it('every transition has a title, so no history or diagram shows an event key (a timer step too)', () => {
    const untitled = [...definitionsOf(files, 'workflow').values()].flatMap((workflow) =>
      Object.entries(workflow.states).flatMap(([state, spec]) => (spec.transitions ?? []).filter((transition) => transition.title === undefined).map((transition) => `${workflow.key}: ${state} --${transition.event}-->`)),
    );
    expect(untitled).toEqual([]);
  });
});

describe('Liangzhou pack: contents', () => {
  it('has the six station types, one per level, with the standards of the seed', () => {
    expect([...stationTypes.keys()].sort()).toEqual([...stationTypeKeys].sort());
    const levels = Object.fromEntries([...stationTypes].map(([key, type]) => [key, type.level]));
    expect(levels).toEqual({
      'district-center': 'center', institute: 'institute', station: 'station',
      'service-point': 'servicePoint', 'practice-base': 'practiceBase', 'practice-point': 'practicePoint',
    });
    const institute = stationTypes.get('institute');
    const station = stationTypes.get('station');
    expect(institute).toMatchObject({ minRooms: 5, minLectureCapacity: 50, rubric: 'institute-rubric', parentLevels: ['center'] });
    expect(station).toMatchObject({ minRooms: 3, minLectureCapacity: 20, rubric: 'station-rubric', parentLevels: ['institute'] });
    for (const type of [institute, station]) {
      expect(type?.standard?.elements.map((element) => element.title['zh-CN'])).toEqual(['有场所', '有队伍', '有活动', '有项目', '有机制']);
    }
    expect(stationTypes.get('service-point')?.standard?.elements.map((element) => element.title['zh-CN'])).toEqual([
      '有服务台', '有标识', '有工作制度', '有志愿者', '有服务项目', '有服务流程', '有服务设施', '有成果展示',
    ]);
    for (const type of stationTypes.values()) expect(type.profileForm).toBe('station-profile');
  });

  it('has the venues the seed names and a lecture room', () => {
    const names = [...rooms.values()].map((room) => room.title['zh-CN']);
    for (const name of ['党群服务中心', '“好商量”协商议事室', '文化服务中心', '乡村大舞台', '农家书屋', '职工书屋', '日间照料中心', '青少年活动室', '理论宣讲室', '健身活动场所']) {
      expect(names).toContain(name);
    }
    expect([...rooms.values()].filter((room) => room.lecture).map((room) => room.key)).toEqual(['theory-lecture-room']);
  });

  it('has a menu of 11 categories and 22 items, two per category, with the four themed projects', () => {
    expect(categories.size).toBe(11);
    expect([...categories.values()].map((category) => category.order).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const category of categories.values()) expect(category.description?.['zh-CN']).toContain('请结合本区实际调整');
    const names = [...categories.values()].map((category) => category.title['zh-CN']);
    expect(names).toEqual(expect.arrayContaining(['移风易俗', '应急救援']));
    expect(names).not.toContain('书法艺术');
    expect(items.size).toBe(22);
    for (const category of categories.keys()) {
      expect([...items.values()].filter((item) => item.category === category), category).toHaveLength(2);
    }
    const themes = [...items.values()].flatMap((item) => (item.theme ? [item.theme] : [])).sort();
    expect(themes).toEqual(['关爱蓓蕾·情暖童心', '凉州绿·志愿红', '奉献爱心·情暖桑榆', '翰墨飘香·书润凉州'].sort());
    for (const item of items.values()) {
      expect(item).toMatchObject({ orderForm: 'service-order', workflow: 'five-order' });
      expect(item.providerTeamTypes.length, item.key).toBeGreaterThan(0);
    }
    // The emergency item answers fastest.
    expect(items.get('emergency-response')?.sla).toMatchObject({ triage: { after: 'PT2H' }, accept: { after: 'PT1H' } });
  });

  it('has the seven team types, the emergency one flagged', () => {
    expect([...teamTypes.keys()].sort()).toEqual([...teamTypeKeys].sort());
    expect([...teamTypes.values()].filter((team) => team.isEmergency).map((team) => team.key)).toEqual(['emergency']);
    for (const team of teamTypes.values()) expect(team.registrationForm).toBe('team-registration');
  });

  it('has all eighteen forms', () => {
    expect([...forms.keys()].sort()).toEqual([...formKeys].sort());
  });
});

describe('Liangzhou pack: references', () => {
  const problems: string[] = [];
  const expectIn = (set: Map<string, unknown>, key: string | undefined, where: string) => {
    if (key !== undefined && !set.has(key)) problems.push(`${where} → ${key}`);
  };
  for (const item of items.values()) {
    expectIn(categories, item.category, `serviceItem ${item.key} category`);
    expectIn(forms, item.orderForm, `serviceItem ${item.key} orderForm`);
    for (const team of item.providerTeamTypes) expectIn(teamTypes, team, `serviceItem ${item.key} providerTeamTypes`);
  }
  for (const type of stationTypes.values()) {
    for (const room of [...type.requiredRooms, ...type.optionalRooms]) expectIn(rooms, room, `stationType ${type.key} rooms`);
    expectIn(forms, type.profileForm, `stationType ${type.key} profileForm`);
    expect(type.requiredRooms.filter((room) => type.optionalRooms.includes(room))).toEqual([]);
    if (type.minRooms !== undefined) expect(type.requiredRooms.length + type.optionalRooms.length).toBeGreaterThanOrEqual(type.minRooms);
  }
  for (const team of teamTypes.values()) {
    for (const category of team.serviceCategories) expectIn(categories, category, `teamType ${team.key} serviceCategories`);
    expectIn(forms, team.registrationForm, `teamType ${team.key} registrationForm`);
  }

  it('every reference among the pack files resolves', () => {
    expect(problems).toEqual([]);
  });

  it('every menu category is served by at least one team type', () => {
    const served = new Set([...teamTypes.values()].flatMap((team) => team.serviceCategories));
    expect([...categories.keys()].filter((category) => !served.has(category))).toEqual([]);
  });

  it('the rubrics read the eight haves and team types by the keys the pack defines', () => {
    const eightHaves = new Set(stationTypes.get('service-point')?.standard?.elements.map((element) => element.key));
    const metricParams = (node: unknown, key: string): Json[] =>
      Array.isArray(node)
        ? node.flatMap((child) => metricParams(child, key))
        : isObject(node)
          ? [...(node.key === key && isObject(node.params) ? [node.params] : []), ...Object.values(node).flatMap((child) => metricParams(child, key))]
          : [];
    for (const rubric of files.filter((file) => file.json.kind === 'rubric')) {
      for (const params of metricParams(rubric.json, 'service-point-element')) expect(eightHaves.has(String(params.element)), `${rubric.path} ${String(params.element)}`).toBe(true);
      for (const params of metricParams(rubric.json, 'teams-count')) {
        if (params.type !== undefined) expect(teamTypes.has(String(params.type)), `${rubric.path} ${String(params.type)}`).toBe(true);
      }
    }
  });

  it('the bundle lists every pack file, and the workflows and rubrics of the pack', () => {
    expect(bundle).toMatchObject({ key: 'liangzhou-2026', district: '凉州区', year: 2026 });
    const members = (bundle?.members ?? []).map((member) => `${member.kind}/${member.key}/${member.version}`);
    expect(new Set(members).size).toBe(members.length);
    const onDisk = files.filter((file) => file.json.kind !== 'bundle').map((file) => `${String(file.json.kind)}/${String(file.json.key)}/${String(file.json.version)}`);
    expect(members).toEqual(expect.arrayContaining(onDisk));
    expect(members).toEqual(
      expect.arrayContaining(['workflow/five-order/1', 'workflow/assessment/1', 'rubric/station-rubric/1', 'rubric/institute-rubric/1']),
    );
    // Nothing listed that is neither on disk nor one of the four members others write.
    const others = new Set(['workflow/five-order/1', 'workflow/assessment/1', 'rubric/station-rubric/1', 'rubric/institute-rubric/1']);
    expect(members.filter((member) => !onDisk.includes(member) && !others.has(member))).toEqual([]);
  });
});

/** The schema a `#/properties/a/properties/b` scope points at, relative to `base`. */
function resolveScope(base: unknown, scope: string): Json | undefined {
  if (!scope.startsWith('#/')) return undefined;
  let node: unknown = base;
  for (const segment of scope.slice(2).split('/')) {
    if (!isObject(node)) return undefined;
    node = node[segment];
  }
  return isObject(node) ? node : undefined;
}

/** Every Control scope of a UI schema with the schema it resolves against (an array's items inside `options.detail`). */
function controlScopes(element: unknown, base: Json): { scope: string; base: Json }[] {
  if (!isObject(element)) return [];
  const found: { scope: string; base: Json }[] = [];
  if (typeof element.scope === 'string') {
    found.push({ scope: element.scope, base });
    const detail = isObject(element.options) ? element.options.detail : undefined;
    const target = resolveScope(base, element.scope);
    if (detail && target && isObject(target.items)) found.push(...controlScopes(detail, target.items));
  }
  if (Array.isArray(element.elements)) for (const child of element.elements) found.push(...controlScopes(child, base));
  return found;
}

/** Every property with its i18n prefix (dotted data path, array levels dropped, as JSON Forms builds keys). */
function properties(schema: Json, prefix = ''): { key: string; schema: Json }[] {
  const out: { key: string; schema: Json }[] = [];
  const props = isObject(schema.properties) ? schema.properties : {};
  for (const [name, child] of Object.entries(props)) {
    if (!isObject(child)) continue;
    const key = prefix ? `${prefix}.${name}` : name;
    out.push({ key, schema: child });
    out.push(...properties(child, key));
    if (isObject(child.items)) out.push(...properties(child.items, key));
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

describe.each([...forms.values()].map((form) => [form.key, form] as const))('form %s', (_key, form) => {
  it('compiles with ajv and is an object schema with Chinese titles', () => {
    expect(() => ajv.compile(form.schema)).not.toThrow();
    expect(form.schema.type).toBe('object');
    for (const { key, schema } of properties(form.schema)) expect(schema.title, key).toMatch(/[\u4e00-\u9fff]/);
  });

  it('every UI schema scope points at a property, and every top-level property is rendered', () => {
    const scopes = controlScopes(form.uischema, form.schema);
    expect(scopes.filter(({ scope, base }) => resolveScope(base, scope) === undefined).map(({ scope }) => scope)).toEqual([]);
    const rendered = new Set(scopes.map(({ scope }) => scope));
    const top = Object.keys(isObject(form.schema.properties) ? form.schema.properties : {});
    expect(top.filter((name) => !rendered.has(`#/properties/${name}`))).toEqual([]);
    for (const rule of [...form.rules, ...form.computed]) expect(resolveScope(form.schema, rule.scope), rule.scope).toBeDefined();
  });

  it('uses only JSON Forms layouts, with Categories inside Categorizations only', () => {
    const layouts = new Set(['VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category', 'Control', 'Label']);
    const visit = (element: unknown, parent: string | undefined): string[] => {
      if (!isObject(element)) return ['not an object'];
      const type = String(element.type);
      const wrong = [
        ...(layouts.has(type) ? [] : [`unknown ${type}`]),
        ...((type === 'Category') !== (parent === 'Categorization') ? [`${type} under ${parent ?? 'root'}`] : []),
      ];
      const detail = isObject(element.options) && isObject(element.options.detail) ? [element.options.detail] : [];
      const children = [...(Array.isArray(element.elements) ? element.elements : []), ...detail];
      return [...wrong, ...children.flatMap((child) => visit(child, type))];
    };
    expect(visit(form.uischema, undefined)).toEqual([]);
  });

  it('labels every property in zh-CN and en, and translates every key in both languages', () => {
    const zh = form.i18n?.['zh-CN'] ?? {};
    const en = form.i18n?.en ?? {};
    const unlabelled = properties(form.schema).filter(({ key }) => !zh[`${key}.label`] || !en[`${key}.label`]);
    expect(unlabelled.map(({ key }) => key)).toEqual([]);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const { key, schema } of properties(form.schema)) {
      const values = Array.isArray(schema.enum) ? schema.enum : isObject(schema.items) && Array.isArray(schema.items.enum) ? schema.items.enum : [];
      for (const value of values) expect(zh[`${key}.${String(value)}`] && en[`${key}.${String(value)}`], `${key}.${String(value)}`).toBeTruthy();
    }
  });

  it('marks phone and ID number fields as personal data and gives upload fields upload options', () => {
    for (const { key, schema } of properties(form.schema)) {
      if (/phone$|^idNumber$/i.test(key.split('.').pop() ?? '')) expect(schema['x-personal'], key).toBe(true);
    }
    const uploads = controlScopes(form.uischema, form.schema).filter(({ scope }) => /\/(photos|attachments)$/.test(scope));
    const withOptions = (element: unknown): Json[] =>
      !isObject(element) ? [] : [element, ...(Array.isArray(element.elements) ? element.elements.flatMap(withOptions) : [])];
    for (const { scope } of uploads) {
      const control = withOptions(form.uischema).find((element) => element.scope === scope);
      expect(isObject(control?.options) ? control.options.upload : undefined, scope).toMatch(/^(image|file)$/);
    }
  });
});

describe('order and assessment forms hold the fields the workflows read', () => {
  const shape = (key: string) => {
    const schema = forms.get(key)?.schema ?? {};
    return { properties: Object.keys(isObject(schema.properties) ? schema.properties : {}).sort(), required: ((schema.required as string[] | undefined) ?? []).slice().sort() };
  };
  it.each([
    ['service-order', ['serviceItem', 'description', 'beneficiaryName', 'beneficiaryPhone', 'address', 'expectedTime', 'urgency', 'photos'], ['description']],
    ['order-dispatch', ['mode', 'teamId', 'note'], []],
    ['order-completion', ['summary', 'serviceHours', 'volunteerCount', 'beneficiaryCount', 'photos'], ['photos', 'serviceHours', 'summary']],
    ['order-rating', ['stars', 'tags', 'comment'], ['stars']],
    ['reason', ['reason'], ['reason']],
    ['assessment-appeal', ['items', 'reason'], ['items', 'reason']],
    ['appeal-decision', ['decision', 'comment'], ['comment', 'decision']],
  ])('%s', (key, fields, required) => {
    const { properties: present, required: actual } = shape(key);
    expect(present).toEqual(expect.arrayContaining(fields));
    expect(actual).toEqual([...required].sort());
  });
});

describe('sample data against the form schemas', () => {
  const validate = (key: string, data: unknown) => {
    const form = forms.get(key);
    if (!form) throw new Error(`no form ${key}`);
    return ajv.validate(form.schema, data);
  };
  const photo = ['att-1'];
  it.each([
    ['service-order', { description: '家里老人需要上门量血压' }, true],
    ['service-order', { description: '需要法律咨询', urgency: 'urgent', expectedTime: '2026-03-01T09:00:00+08:00', photos: photo }, true],
    ['service-order', { urgency: 'urgent' }, false],
    ['service-order', { description: '需要帮助', urgency: 'soon' }, false],
    ['service-order', { description: '需要帮助', expectedTime: 'tomorrow' }, false],
    ['order-dispatch', { mode: 'directed', teamId: 'team-1' }, true],
    ['order-dispatch', { mode: 'pool' }, true],
    ['order-dispatch', { mode: 'directed' }, false],
    ['order-dispatch', {}, false],
    ['order-dispatch', { mode: 'broadcast' }, false],
    ['order-completion', { summary: '为 3 位老人量了血压', serviceHours: 2, volunteerCount: 2, beneficiaryCount: 3, photos: photo }, true],
    ['order-completion', { summary: '完成', serviceHours: 0, photos: photo }, false],
    ['order-completion', { summary: '完成', serviceHours: 1, photos: [] }, false],
    ['order-completion', { summary: '完成', serviceHours: 1, volunteerCount: 0, photos: photo }, false],
    ['order-rating', { stars: 5, tags: ['准时'], comment: '很好' }, true],
    ['order-rating', { stars: 1 }, true],
    ['order-rating', { stars: 6 }, false],
    ['order-rating', { stars: 0 }, false],
    ['order-rating', { stars: 4.5 }, false],
    ['reason', { reason: '重复下单' }, true],
    ['reason', { reason: '无' }, false],
    ['reason', {}, false],
    ['assessment-appeal', { items: ['C2'], reason: '活动记录漏报' }, true],
    ['assessment-appeal', { items: [], reason: '活动记录漏报' }, false],
    ['appeal-decision', { decision: 'amended', comment: '补录后 C2 得分修正' }, true],
    ['appeal-decision', { decision: 'rejected', comment: '维持' }, false],
    ['volunteer-registration', { realName: '张三', idType: 'residentId', idNumber: '62060219900101123X', gender: 'male', phone: '13800000000', residenceUnit: 'st-1', consent: true }, true],
    ['volunteer-registration', { realName: '张三', idType: 'residentId', idNumber: '12345', gender: 'male', phone: '13800000000', residenceUnit: 'st-1', consent: true }, false],
    ['volunteer-registration', { realName: '张三', idType: 'passport', idNumber: 'E12345678', gender: 'female', phone: '13800000000', residenceUnit: 'st-1', consent: true }, true],
    ['volunteer-registration', { realName: '张三', idType: 'passport', idNumber: 'E12345678', gender: 'female', phone: '13800000000', residenceUnit: 'st-1', consent: false }, false],
    ['station-profile', { name: '某村新时代文明实践站', address: '凉州区某镇某村', headName: '李四', adminDivisionCode: '620602100200' }, true],
    ['station-profile', { name: '某村新时代文明实践站', address: '凉州区某镇某村', headName: '李四', adminDivisionCode: '6206' }, false],
    ['meeting-record', { type: 'committee-study', date: '2026-03-01', topic: '研究文明实践工作', chair: '王五', minutes: '会议研究了年度计划' }, true],
    ['meeting-record', { type: 'weekly', date: '2026-03-01', topic: '研究文明实践工作', chair: '王五', minutes: '会议研究了年度计划' }, false],
  ])('%s %j valid: %s', (key, data, valid) => {
    expect(validate(key, data)).toBe(valid);
  });
});

/**
 * The rules and computed values, evaluated with the CEL library itself (runtime/form wraps the same
 * library): every expression runs on an empty form, so none reads a field that is not yet filled.
 */
describe('form expressions', () => {
  const rule = (key: string, scope: string) => forms.get(key)?.rules.find((candidate) => candidate.scope === scope)?.when ?? 'missing';
  const computed = (key: string, scope: string) => forms.get(key)?.computed.find((candidate) => candidate.scope === scope)?.expression ?? 'missing';

  it.each([...forms.values()].flatMap((form) => [
    ...form.rules.map((candidate) => [form.key, candidate.when, 'boolean'] as const),
    ...form.computed.map((candidate) => [form.key, candidate.expression, 'number'] as const),
  ]))('%s: %s evaluates on an empty form to a %s', (_key, expression, type) => {
    const value: unknown = evaluate(expression, { data: {} });
    expect(type === 'number' ? typeof value === 'number' || typeof value === 'bigint' : typeof value === 'boolean').toBe(true);
  });

  it('order-dispatch shows the team only for a directed order', () => {
    const when = rule('order-dispatch', '#/properties/teamId');
    expect(evaluate(when, { data: { mode: 'directed' } })).toBe(true);
    expect(evaluate(when, { data: { mode: 'pool' } })).toBe(false);
  });

  it('activity-record totals volunteer hours and training-record counts participants', () => {
    expect(evaluate(computed('activity-record', '#/properties/totalVolunteerHours'), { data: { volunteerCount: 3, hoursPerVolunteer: 2.5 } })).toBe(7.5);
    expect(Number(evaluate(computed('training-record', '#/properties/participantCount'), { data: { participants: [{ name: '甲' }, { name: '乙' }] } }))).toBe(2);
    expect(Number(evaluate(computed('meeting-record', '#/properties/attendeeCount'), { data: { attendees: ['甲', '乙', '丙'] } }))).toBe(3);
  });

  it('volunteer-registration asks for the Party branch of Party members only', () => {
    const when = rule('volunteer-registration', '#/properties/partyBranch');
    expect(evaluate(when, { data: { politicalStatus: 'cpcMember' } })).toBe(true);
    expect(evaluate(when, { data: { politicalStatus: 'masses' } })).toBe(false);
  });
});

/** The pack's forms through the form runtime the server uses: validation issues, rules and computed values. */
describe('forms through runtime/form', () => {
  const form = (key: string) => {
    const found = forms.get(key);
    if (!found) throw new Error(`no form ${key}`);
    return found;
  };

  it.each([...forms.values()].flatMap((candidate) => [
    ...candidate.rules.map((rule) => [candidate.key, rule.when, 'bool'] as const),
    ...candidate.computed.map((field) => [candidate.key, field.expression, 'number'] as const),
  ]))('%s: %s type-checks against the form schema as %s', (key, expression, expected) => {
    const result = checkExpression(expression, formExpressionScope(form(key)), expected);
    expect(result.ok ? 'ok' : result.message.en).toBe('ok');
  });

  it.each([
    ['order-dispatch', { mode: 'directed' }, ['/teamId required']],
    ['order-dispatch', { mode: 'pool' }, []],
    ['order-dispatch', { mode: 'directed', teamId: 'team-1', note: '请周六上午上门' }, []],
    ['order-rating', { stars: 6 }, ['/stars maximum']],
    ['order-rating', { stars: 5, tags: ['准时', '热情'] }, []],
    ['order-completion', { summary: '完成', serviceHours: 0, photos: [] }, ['/photos minItems', '/serviceHours exclusiveMinimum']],
    ['service-order', { serviceItem: 'home-health-visit', description: '老人需要量血压', urgency: 'urgent', beneficiaryPhone: '13800000000' }, []],
    ['service-order', {}, ['/description required']],
    ['reason', { reason: '好' }, ['/reason minLength']],
    ['assessment-appeal', { items: [], reason: '漏报' }, ['/items minItems']],
    ['appeal-decision', { decision: 'upheld', comment: '维持原结果' }, []],
  ])('%s %j → %j', (key, data, expected) => {
    const issues = validateFormData(form(key), data).map((issue) => `${issue.pointer} ${issue.code}`).sort();
    expect(issues).toEqual(expected);
  });

  it('issues are bilingual', () => {
    for (const issue of validateFormData(form('order-rating'), { stars: 0 })) {
      expect(issue.message['zh-CN']).toBeTruthy();
      expect(issue.message.en).toBeTruthy();
    }
  });

  it('order-dispatch shows the team control only when directed; room-registry asks what a shared room is shared with', () => {
    expect(evaluateFormRules(form('order-dispatch'), { mode: 'directed' })['#/properties/teamId']).toEqual({ visible: true, enabled: true });
    expect(evaluateFormRules(form('order-dispatch'), { mode: 'pool' })['#/properties/teamId']?.visible).toBe(false);
    expect(evaluateFormRules(form('room-registry'), { shared: false })['#/properties/sharedWith']?.visible).toBe(false);
    expect(evaluateFormRules(form('room-registry'), { shared: true })['#/properties/sharedWith']?.visible).toBe(true);
  });

  it('computes activity hours, meeting attendance and training participants', () => {
    expect(applyComputed(form('activity-record'), { volunteerCount: 12, hoursPerVolunteer: 2.5 }).totalVolunteerHours).toBe(30);
    expect(applyComputed(form('meeting-record'), { attendees: ['甲', '乙'] }).attendeeCount).toBe(2);
    expect(applyComputed(form('training-record'), { participants: [{ name: '甲' }, { name: '乙' }, { name: '丙' }] }).participantCount).toBe(3);
    expect(applyComputed(form('training-record'), {}).participantCount).toBe(0);
  });
});
