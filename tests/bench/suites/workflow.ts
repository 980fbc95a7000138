/**
 * Workflow engine figures, each against a baseline measured in the same run:
 * - `workflow.transitions`: transitions/s on a seven-state linear machine with one guard, against
 *   xstate 5's pure `transition()` on the equivalent machine (target ≥ 3×);
 * - `workflow.five-order`: complete five-order instances/s (start → rated, forms validated) against
 *   bpmn-engine running the equivalent BPMN process with five user tasks signalled (target ≥ 100×);
 * - `workflow.instance-size`: JSON bytes of an instance waiting at its third step against bpmn-engine's
 *   `getState()` at the same point (target ≤ 1/5);
 * - `workflow.memory`: heap for 100,000 live five-order instances, measured in a child process so the
 *   figure is not polluted by the other suites (target < 500 MB).
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Engine } from 'bpmn-engine';
import { createMachine, initialTransition, transition } from 'xstate';
import type { WorkflowDefinition } from '../../../runtime/schema/workflow';
import { applyCommand, startInstance } from '../../../runtime/workflow/index';
import type { WorkflowInstance } from '../../../runtime/workflow/index';
import { actors, context, packWorkflow, workflow } from '../../runtime/workflow/helpers';
import { opsPerSecond, type Benchmark } from '../harness';

const NOW = '2026-11-02T01:00:00.000Z';
const ctx = context(NOW);

// ---- (a) seven-state linear machine ----------------------------------------------------------------
const linearStates = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'] as const;
const linear: WorkflowDefinition = workflow({
  kind: 'workflow',
  key: 'linear',
  version: 1,
  title: { 'zh-CN': '线性', en: 'Linear' },
  start: { allow: [{ user: 'u1' }] },
  initial: 's1',
  states: Object.fromEntries(
    linearStates.map((s, i) => [
      s,
      i === linearStates.length - 1
        ? { title: { 'zh-CN': s, en: s }, final: true }
        : { title: { 'zh-CN': s, en: s }, transitions: [{ event: 'next', to: linearStates[i + 1], allow: [{ user: 'u1' }], ...(i === 2 ? { guard: 'form.ok == true' } : {}) }] },
    ]),
  ),
});
const u1 = { id: 'u1', roles: [] };

function linearRun(start: WorkflowInstance): number {
  let instance = start;
  for (let i = 0; i < 6; i++) {
    const outcome = applyCommand(linear, instance, { event: 'next', actor: u1, data: { ok: true } }, ctx);
    if (!outcome.ok) throw new Error(outcome.rejection.code);
    instance = outcome.instance;
  }
  return 6;
}

const xstateLinear = createMachine({
  id: 'linear',
  initial: 's1',
  states: Object.fromEntries(
    linearStates.map((s, i) => [
      s,
      i === linearStates.length - 1
        ? { type: 'final' as const }
        : { on: { next: { target: linearStates[i + 1]!, ...(i === 2 ? { guard: ({ event }: { event: { type: string; ok?: boolean } }) => event.ok === true } : {}) } } },
    ]),
  ),
});

// Both sides start from a snapshot taken once, so each op is exactly six transitions.
const [xstateInitial] = initialTransition(xstateLinear);

function xstateRun(): number {
  let snapshot = xstateInitial;
  for (let i = 0; i < 6; i++) [snapshot] = transition(xstateLinear, snapshot, { type: 'next', ok: true });
  if (snapshot.value !== 's7') throw new Error(`xstate ended in ${String(snapshot.value)}`);
  return 6;
}

// ---- (b)(c) the five-order flow --------------------------------------------------------------------
const fiveOrder = packWorkflow('five-order');
const order = { description: '帮助独居老人打扫院落', urgency: 'normal', expectedTime: '2026-11-02T01:30:00.000Z' };
const completion = { summary: '打扫院落并陪老人聊天', serviceHours: 2, volunteerCount: 3, beneficiaryCount: 1, photos: ['p1.jpg'] };
const loop = [
  { event: 'accept_for_dispatch', actor: actors.stationAdmin },
  { event: 'dispatch', actor: actors.stationAdmin, data: { mode: 'directed', teamId: 't1' } },
  { event: 'accept', actor: actors.teamLeader1 },
  { event: 'start', actor: actors.teamLeader1 },
  { event: 'complete', actor: actors.teamLeader1, data: completion },
  { event: 'rate', actor: actors.resident, data: { stars: 5 } },
];

/** Starts a five-order instance and applies the first `steps` commands of the loop. */
function fiveOrderTo(id: string, steps: number): WorkflowInstance {
  const started = startInstance(fiveOrder, { id, unit: 's1', actor: actors.resident, input: order }, ctx);
  if (!started.ok) throw new Error(started.rejection.code);
  let instance = started.instance;
  for (const command of loop.slice(0, steps)) {
    const outcome = applyCommand(fiveOrder, instance, command, ctx);
    if (!outcome.ok) throw new Error(`${command.event}: ${outcome.rejection.code}`);
    instance = outcome.instance;
  }
  return instance;
}

const bpmnTasks = ['triage', 'dispatch', 'accept', 'serve', 'rate'];
const bpmnSource = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="fiveOrder" targetNamespace="http://shijian.dev/bpmn">
  <process id="order" isExecutable="true">
    <startEvent id="submit" />
    ${bpmnTasks.map((t) => `<userTask id="${t}" />`).join('\n    ')}
    <endEvent id="closed" />
    ${['submit', ...bpmnTasks].map((from, i) => `<sequenceFlow id="f${i}" sourceRef="${from}" targetRef="${[...bpmnTasks, 'closed'][i]}" />`).join('\n    ')}
  </process>
</definitions>`;

async function bpmnTo(signals: number): Promise<Engine> {
  const engine = new Engine({ name: 'five-order', source: bpmnSource });
  const ended = signals === bpmnTasks.length ? new Promise((resolve) => engine.once('end', resolve)) : undefined;
  const execution = await engine.execute({ listener: new EventEmitter() });
  for (const id of bpmnTasks.slice(0, signals)) execution.signal({ id });
  await ended;
  return engine;
}

async function asyncOpsPerSecond(fn: () => Promise<unknown>, ms: number): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    ops += 1;
  }
  return (ops * 1000) / (performance.now() - start);
}

// ---- (d) memory in a child process -----------------------------------------------------------------
const LIVE = 100_000;

/** Runs in the child: holds LIVE instances spread over the first steps of the loop, reports the heap. */
function memoryChild(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  const held: WorkflowInstance[] = [];
  for (let i = 0; i < LIVE; i++) {
    held.push(fiveOrderTo(`order-${i}`, i % 6));
    if (i % 10_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  gc?.();
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  process.stdout.write(JSON.stringify({ held: held.length, heapMb: (after.heapUsed - base.heapUsed) / 2 ** 20, rssMb: peakRss / 2 ** 20 }));
}

if (process.env.SHIJIAN_WORKFLOW_MEMORY_CHILD === '1') memoryChild();

export const benchmarks: Benchmark[] = [
  {
    id: 'workflow.transitions',
    async run() {
      const started = startInstance(linear, { id: 'l1', unit: 's1', actor: u1 }, ctx);
      if (!started.ok) throw new Error(started.rejection.code);
      const value = opsPerSecond(() => linearRun(started.instance), 1500);
      const baselineValue = opsPerSecond(xstateRun, 1500);
      const ratio = value / baselineValue;
      return [{ id: 'workflow.transitions', value, unit: 'transitions/s', baseline: 'xstate 5.33 pure transition()', baselineValue, ratio, target: '≥ 3× baseline', met: ratio >= 3 }];
    },
  },
  {
    id: 'workflow.five-order',
    async run() {
      let n = 0;
      const value = opsPerSecond(() => void fiveOrderTo(`o-${n++}`, loop.length), 1500);
      const baselineValue = await asyncOpsPerSecond(() => bpmnTo(bpmnTasks.length), 1500);
      const ratio = value / baselineValue;
      return [{ id: 'workflow.five-order', value, unit: 'instances/s', baseline: 'bpmn-engine 25 (5 user tasks signalled)', baselineValue, ratio, target: '≥ 100× baseline', met: ratio >= 100 }];
    },
  },
  {
    id: 'workflow.instance-size',
    async run() {
      const ours = fiveOrderTo('o-size', 2);
      if (ours.state !== 'dispatched') throw new Error(`expected the third step, got ${ours.state}`);
      const value = JSON.stringify(ours).length;
      const engine = await bpmnTo(2);
      const baselineValue = JSON.stringify(await engine.getState()).length;
      const ratio = baselineValue / value;
      return [{ id: 'workflow.instance-size', value, unit: 'bytes', baseline: 'bpmn-engine getState() at the third user task', baselineValue, ratio, target: '≤ 1/5 of baseline (ratio ≥ 5)', met: ratio >= 5 }];
    },
  },
  {
    id: 'workflow.memory',
    async run() {
      const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
        env: { ...process.env, SHIJIAN_WORKFLOW_MEMORY_CHILD: '1' },
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(child.stderr.slice(-500));
      const figures = JSON.parse(child.stdout) as { held: number; heapMb: number; rssMb: number };
      return [
        { id: 'workflow.memory', value: figures.heapMb, unit: `MB heap for ${figures.held} live instances`, target: '< 500 MB', met: figures.heapMb < 500 },
        { id: 'workflow.memory.rss', value: figures.rssMb, unit: 'MB peak RSS of the child', target: '< 500 MB', met: figures.rssMb < 500 },
      ];
    },
  },
];
