import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../../runtime/expression/index';
import { applyComputed, evaluateFormRules, formExpressionScope, validateFormData } from '../../../runtime/form/index';
import { FormDefinition } from '../../../runtime/schema/form';

const directory = join(import.meta.dirname, '..', '..', '..', 'definitions', 'liangzhou', 'forms');
const forms = new Map(
  readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const form = FormDefinition.parse(JSON.parse(readFileSync(join(directory, name), 'utf8')));
      return [form.key, form] as const;
    }),
);
const form = (key: string) => {
  const found = forms.get(key);
  if (!found) throw new Error(`no form ${key} in the pack`);
  return found;
};

describe('the Liangzhou forms through the form runtime', () => {
  it('every rule and computed value of every form checks against the form schema', () => {
    expect(forms.size).toBeGreaterThanOrEqual(15);
    for (const f of forms.values()) {
      const scope = formExpressionScope(f);
      for (const rule of f.rules) expect(checkExpression(rule.when, scope, 'bool'), `${f.key} ${rule.when}`).toMatchObject({ ok: true });
      for (const c of f.computed) expect(checkExpression(c.expression, scope, 'number'), `${f.key} ${c.expression}`).toMatchObject({ ok: true });
    }
  });

  it('order completion: missing photos and a zero hour count are reported at their fields', () => {
    const issues = validateFormData(form('order-completion'), { summary: '完成', serviceHours: 0, photos: [] });
    expect(issues.map((i) => `${i.pointer} ${i.code}`).sort()).toEqual(['/photos minItems', '/serviceHours exclusiveMinimum'].sort());
    expect(validateFormData(form('order-completion'), { summary: '为 3 位老人量了血压', serviceHours: 2, volunteerCount: 2, beneficiaryCount: 3, photos: ['att-1'] })).toEqual([]);
  });

  it('order rating: stars out of range and fractional', () => {
    expect(validateFormData(form('order-rating'), { stars: 6 })).toMatchObject([{ pointer: '/stars', code: 'maximum' }]);
    expect(validateFormData(form('order-rating'), { stars: 4.5 })).toMatchObject([{ pointer: '/stars', code: 'type', message: { 'zh-CN': '应填写整数' } }]);
  });

  it('service order: the category shows only for an off-menu wish', () => {
    const order = form('service-order');
    expect(evaluateFormRules(order, { description: '想学书法' })['#/properties/category']?.visible).toBe(true);
    expect(evaluateFormRules(order, { description: '量血压', serviceItem: 'free-clinic' })['#/properties/category']?.visible).toBe(false);
  });

  it('order dispatch: the team shows for a directed dispatch and a directed dispatch requires one', () => {
    const dispatch = form('order-dispatch');
    expect(evaluateFormRules(dispatch, { mode: 'pool' })['#/properties/teamId']?.visible).toBe(false);
    expect(evaluateFormRules(dispatch, { mode: 'directed' })['#/properties/teamId']?.visible).toBe(true);
    expect(validateFormData(dispatch, { mode: 'directed' })).toMatchObject([{ pointer: '/teamId', code: 'required' }]);
  });

  it('volunteer registration: the party branch shows for Party members', () => {
    const registration = form('volunteer-registration');
    expect(evaluateFormRules(registration, { politicalStatus: 'cpcMember' })['#/properties/partyBranch']?.visible).toBe(true);
    expect(evaluateFormRules(registration, { politicalStatus: 'masses' })['#/properties/partyBranch']?.visible).toBe(false);
  });

  it('computed counts and totals of the activity, meeting and training records', () => {
    expect(applyComputed(form('activity-record'), { volunteerCount: 3, hoursPerVolunteer: 1.1 }).totalVolunteerHours).toBe(3.3);
    expect(applyComputed(form('activity-record'), {}).totalVolunteerHours).toBe(0);
    expect(applyComputed(form('meeting-record'), { attendees: ['甲', '乙', '丙'] }).attendeeCount).toBe(3);
    expect(applyComputed(form('training-record'), { participants: ['甲'] }).participantCount).toBe(1);
    expect(applyComputed(form('training-record'), {}).participantCount).toBe(0);
  });
});
