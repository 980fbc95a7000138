import { z } from 'zod';
import { definitionBase, Duration, DurationSpec, Expression, JsonObject, Key, LocalizedText, Ref } from './common';
import { OrgLevel } from './station-type';

/**
 * Command names the engine gives a meaning of its own (task primitives and timer firings); a transition
 * may not use them as its event, so a definition can never shadow 转交 or a timer by accident.
 */
export const reservedEvents = ['claim', 'transfer', 'addSigner', 'removeSigner', 'withdraw', 'sendBack', 'remind', 'cc', 'timer'] as const;

/**
 * Where a role is looked up, relative to the instance's org unit:
 * `unit` the instance's own unit; `current` the unit the instance is escalated to (its own unit until
 * escalated); `any` the role anywhere; an org level such as `institute` the ancestor of that level
 * ("the instituteAdmin of the institute above this station").
 */
export const OrgAnchor = z.union([z.enum(['unit', 'current', 'any']), OrgLevel]);
export type OrgAnchor = z.infer<typeof OrgAnchor>;

const when = Expression.optional().describe('the rule applies only when this bool expression holds');

/** A role at a place in the org tree, or at the unit an expression names (e.g. a team id from the dispatch form). */
export const RoleRule = z
  .object({
    role: Key.describe('role code id, e.g. instituteAdmin'),
    at: OrgAnchor.default('unit'),
    unit: Expression.optional().describe('expression giving the unit id; overrides `at`'),
    when,
  })
  .strict();

/**
 * Who a task goes to, or who may fire a transition. Rules are tried in order; every rule whose `when`
 * holds contributes its people (duplicates removed).
 *
 * @example [{ "role": "teamLeader", "unit": "data.dispatch.teamId", "when": "data.dispatch.mode == 'directed'" }]
 */
export const PersonRule = z.union([
  RoleRule,
  z.object({ user: z.string().min(1).describe('a named user id'), when }).strict(),
  z.object({ users: Expression.describe('expression giving a user id or a list of user ids'), when }).strict(),
  z.object({ initiator: z.literal(true), when }).strict(),
]);
export type PersonRule = z.infer<typeof PersonRule>;

/** Who may fire a transition: a person rule, the current task's assignees, or the system (timers). */
export const AllowRule = z.union([
  PersonRule,
  z.object({ assignee: z.literal(true) }).strict().describe('the open task’s pending assignees (their decisions count as votes)'),
  z.object({ system: z.literal(true) }).strict(),
]);
export type AllowRule = z.infer<typeof AllowRule>;

/** An expression map: each value is an expression evaluated when the effect or assignment happens. */
const ExpressionMap = z.record(Key, Expression);

/** Something the engine asks the caller to do; it never performs effects itself. */
export const EffectSpec = z.union([
  z
    .object({
      notify: z
        .object({
          to: z.array(z.union([PersonRule, z.object({ assignees: z.literal(true) }).strict()])).min(1),
          message: z.string().min(1).describe('message key, e.g. order.rejected'),
          data: ExpressionMap.optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ webhook: z.object({ event: z.string().min(1), data: ExpressionMap.optional() }).strict() }).strict(),
  z
    .object({
      record: z
        .object({ type: Key.describe('record type, e.g. serviceRecord, pointsEntry, rating'), data: ExpressionMap })
        .strict(),
    })
    .strict(),
]);
export type EffectSpec = z.infer<typeof EffectSpec>;

export const Decision = z.enum(['approve', 'reject']);

/** One way out of a state. */
export const Transition = z
  .object({
    event: Key.regex(new RegExp(`^(?!(?:${reservedEvents.join('|')})$)`), `event name is reserved for an engine primitive (${reservedEvents.join(', ')})`),
    to: Key.describe('target state key; the same state re-enters it (timers restart, task re-assigned)'),
    title: LocalizedText.optional(),
    allow: z.array(AllowRule).default([]).describe('who may fire it; empty = nobody but timers'),
    decision: Decision.default('approve').describe('how an assignee’s command counts in the step (approve or reject vote)'),
    guard: Expression.optional().describe('bool expression; reads input, data, form, vars, actor, now, instance'),
    form: Ref.optional().describe('form the command data must satisfy; stored at data.<event>'),
    formVersion: z.number().int().positive().optional(),
    escalate: z.boolean().default(false).describe('move the instance one org level up (station → institute → center)'),
    set: ExpressionMap.optional().describe('variables to assign, e.g. { "declineCount": "vars.declineCount + 1" }'),
    effects: z.array(EffectSpec).default([]),
  })
  .strict();
export type Transition = z.infer<typeof Transition>;

/** A duration, optionally chosen by a condition (the first whose `when` holds wins). */
export const TimingSpec = DurationSpec.extend({ when });

/**
 * A timer that starts when its state is entered and is cancelled when the state is left. At its due
 * time the caller sends `{ event: 'timer', timer: key }` as the system actor. It fires `event` (a
 * transition of this state) or a timeout `action` on the open task. `remindAt` adds 催办 reminders at
 * fractions of the span (e.g. [0.5, 0.9]), each a timer `key@50` that notifies the pending assignees.
 */
export const TimerSpec = z
  .object({
    key: Key,
    after: z.union([TimingSpec, z.array(TimingSpec).min(1)]),
    from: Expression.optional().describe('expression giving the start time (ISO string); default: state entry'),
    event: Key.optional(),
    action: z.enum(['approve', 'reject', 'sendBack', 'escalate']).optional(),
    target: Key.optional().describe('send-back target state of the sendBack action'),
    remindAt: z.array(z.number().gt(0).lt(1)).default([]),
  })
  .strict()
  .refine((t) => (t.event === undefined) !== (t.action === undefined), 'a timer fires exactly one of event or action');
export type TimerSpec = z.infer<typeof TimerSpec>;

/**
 * The approval step of a state: who must act and how their decisions combine. `kind` names a step kind
 * of the registry (anySign 或签, countersign 会签, sequential 依次, vote 票签); an unknown kind is a lint error.
 */
export const TaskSpec = z
  .object({
    kind: Key.default('anySign'),
    title: LocalizedText.optional(),
    assignees: z.array(PersonRule).default([]),
    pool: RoleRule.optional().describe('抢单: anyone holding this role may claim; the first claim wins'),
    ratio: z.number().gt(0).lte(1).optional().describe('票签: share of approvals that decides'),
    onEmpty: z
      .union([z.enum(['skip', 'escalate']), RoleRule])
      .default('escalate')
      .describe('no assignee found: skip the step (approve), escalate one level, or fall back to a role'),
    transfer: z.boolean().default(false).describe('转交 allowed'),
    addSigner: z.array(z.enum(['before', 'after'])).default([]).describe('加签 positions allowed'),
    removeSigner: z.boolean().default(false).describe('减签 allowed'),
    signers: z.array(PersonRule).optional().describe('who may receive a 转交 or be added by 加签; anyone when absent'),
    cc: z.boolean().default(false).describe('抄送 by hand: a pending assignee may copy someone in (read access and a notification)'),
    remind: z
      .object({ interval: Duration, allow: z.array(AllowRule).default([{ initiator: true }]) })
      .strict()
      .optional()
      .describe('催办: who may remind and how often per task'),
  })
  .strict();
export type TaskSpec = z.infer<typeof TaskSpec>;

/** One state of the machine. */
export const StateSpec = z
  .object({
    title: LocalizedText,
    description: LocalizedText.optional(),
    final: z.boolean().default(false),
    task: TaskSpec.optional(),
    transitions: z.array(Transition).default([]),
    timers: z.array(TimerSpec).default([]),
    cc: z.array(PersonRule).default([]).describe('抄送 on entry: read access and a notification'),
    withdraw: z
      .object({
        to: Key,
        allow: z.array(AllowRule).default([{ initiator: true }]),
        until: z.enum(['firstAction', 'decided']).default('firstAction').describe('firstAction: until an assignee votes or claims; decided: while the step is open'),
      })
      .strict()
      .optional()
      .describe('撤回 until the first assignee acts (or while the step is open)'),
    sendBack: z
      .object({ targets: z.array(Key).min(1), allow: z.array(AllowRule).default([{ assignee: true }]), form: Ref.optional() })
      .strict()
      .optional()
      .describe('退回 to one of these earlier states'),
  })
  .strict();
export type StateSpec = z.infer<typeof StateSpec>;

/**
 * A workflow: a state machine with approval steps, role- and org-scoped assignees, guards in the
 * expression language, required forms, timers and effects. See runtime/workflow/README.md.
 */
export const WorkflowDefinition = definitionBase('workflow')
  .extend({
    start: z
      .object({
        allow: z.array(PersonRule).min(1).describe('who may start an instance'),
        form: Ref.optional().describe('form the input must satisfy'),
        schema: JsonObject.optional().describe('JSON Schema of the input when there is no form'),
        effects: z.array(EffectSpec).default([]),
      })
      .strict(),
    initial: Key,
    variables: z.record(Key, JsonObject).default({}).describe('instance variables: JSON Schema each, with a default'),
    states: z.record(Key, StateSpec),
  })
  .strict();
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;
