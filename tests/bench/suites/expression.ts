/**
 * The expression language and the form runtime on their hot paths.
 * - `expression.guard`: a compiled guard evaluated over changing data, against the same logic as a
 *   plain JS closure in the same run (the floor: no interpretation at all). Target: within 20×.
 * - `expression.check`: type-checking an expression against a form schema (what lint and publish do),
 *   against compiling the same source with every variable untyped.
 * - `expression.form-validate30`: validateFormData on a 30-field form (bilingual issues, unsafe-key scan), against
 *   the bare ajv validator of the same schema in the same run.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { checkExpression, compileExpression } from '../../../runtime/expression/index';
import { validateFormData } from '../../../runtime/form/index';
import { median, opsPerSecond, type Benchmark, type BenchResult } from '../harness';

const ROUNDS = 5;
const WINDOW_MS = 300;

/** Several rounds, alternating subject and baseline, so drift on a shared machine hits both alike. */
function compare(subject: () => number, baseline: () => number): { value: number; baselineValue: number } {
  const values: number[] = [];
  const baselines: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    values.push(opsPerSecond(subject, WINDOW_MS));
    baselines.push(opsPerSecond(baseline, WINDOW_MS));
  }
  return { value: median(values), baselineValue: median(baselines) };
}

interface OrderData {
  stars: number;
  tags: string[];
}

/** A varied batch, so neither side can be specialised to one constant input. */
const batch: { data: OrderData }[] = Array.from({ length: 64 }, (_, i) => ({
  data: { stars: (i % 5) + 1, tags: i % 3 === 0 ? [] : ['late', 'rude'].slice(0, i % 3) },
}));

const guardBenchmark: Benchmark = {
  id: 'expression.guard',
  async run(): Promise<BenchResult[]> {
    const guard = compileExpression('data.stars <= 2 && size(data.tags) > 0');
    const closure = (v: { data: OrderData }) => v.data.stars <= 2 && v.data.tags.length > 0;
    let sink = 0;
    const { value, baselineValue } = compare(
      () => {
        for (const v of batch) {
          const r = guard.evaluate(v);
          if (r.ok && r.value === true) sink++;
        }
        return batch.length;
      },
      () => {
        for (const v of batch) if (closure(v)) sink++;
        return batch.length;
      },
    );
    if (sink < 0) throw new Error('unreachable: keeps the results alive');
    const ratio = value / baselineValue;
    return [
      {
        id: 'expression.guard',
        value: Math.round(value),
        unit: 'evaluations/s',
        baseline: 'the same guard as a plain JS closure',
        baselineValue: Math.round(baselineValue),
        ratio: Number(ratio.toFixed(4)),
        target: 'within 20× of plain JS (ratio ≥ 0.05)',
        met: ratio >= 0.05,
      },
    ];
  },
};

const orderSchema = {
  type: 'object',
  properties: {
    stars: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
    members: { type: 'array', items: { type: 'object', properties: { hours: { type: 'number' }, name: { type: 'string' } } } },
    orderedAt: { type: 'string', format: 'date-time' },
  },
};
const checkSource = 'data.stars <= 2 && size(data.tags) > 0 && sum(data.members.map(m, m.hours)) >= 2 && daysBetween(data.orderedAt, "2026-03-01") < 7';

const checkBenchmark: Benchmark = {
  id: 'expression.check',
  async run(): Promise<BenchResult[]> {
    const scope = { variables: { data: orderSchema } };
    const { value, baselineValue } = compare(
      () => (checkExpression(checkSource, scope, 'bool').ok ? 1 : 1),
      () => (compileExpression(checkSource).source.length > 0 ? 1 : 1),
    );
    const ratio = value / baselineValue;
    return [
      {
        id: 'expression.check',
        value: Math.round(value),
        unit: 'checks/s',
        baseline: 'compileExpression of the same source (parse and an untyped check)',
        baselineValue: Math.round(baselineValue),
        ratio: Number(ratio.toFixed(3)),
        target: 'ratio ≥ 0.2 (type checking costs at most 5× a parse)',
        met: ratio >= 0.2,
      },
    ];
  },
};

/** A 30-field form of the kinds the pack uses: text, numbers, enums, dates, attachments, a nested list. */
function thirtyFieldForm(): { schema: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (let i = 0; i < 30; i++) {
    const key = `f${i}`;
    switch (i % 6) {
      case 0: properties[key] = { type: 'string', minLength: 1, maxLength: 200 }; break;
      case 1: properties[key] = { type: 'integer', minimum: 0, maximum: 1000 }; break;
      case 2: properties[key] = { type: 'string', enum: ['a', 'b', 'c', 'd'] }; break;
      case 3: properties[key] = { type: 'string', format: 'date' }; break;
      case 4: properties[key] = { type: 'array', items: { type: 'string' }, maxItems: 9 }; break;
      default: properties[key] = { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, hours: { type: 'number', minimum: 0 } } } };
    }
    if (i % 3 === 0) required.push(key);
  }
  return { schema: { type: 'object', required, properties } };
}

function thirtyFieldData(variant: number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (let i = 0; i < 30; i++) {
    const key = `f${i}`;
    switch (i % 6) {
      case 0: data[key] = `值 ${variant}`; break;
      case 1: data[key] = variant % 7 === 0 ? -1 : variant; break; // every 7th submission has one error
      case 2: data[key] = 'b'; break;
      case 3: data[key] = '2026-03-01'; break;
      case 4: data[key] = ['att-1', 'att-2']; break;
      default: data[key] = [{ name: '张三', hours: 2 }, { name: '李四', hours: 1.5 }];
    }
  }
  return data;
}

const formBenchmark: Benchmark = {
  id: 'expression.form-validate30',
  async run(): Promise<BenchResult[]> {
    const form = thirtyFieldForm();
    const submissions = Array.from({ length: 32 }, (_, i) => thirtyFieldData(i));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const bare = ajv.compile(form.schema);
    let sink = 0;
    const { value, baselineValue } = compare(
      () => {
        for (const data of submissions) sink += validateFormData(form, data).length;
        return submissions.length;
      },
      () => {
        for (const data of submissions) sink += bare(data) ? 0 : (bare.errors?.length ?? 0);
        return submissions.length;
      },
    );
    if (sink < 0) throw new Error('unreachable: keeps the results alive');
    const ratio = value / baselineValue;
    return [
      {
        id: 'expression.form-validate30',
        value: Math.round(value),
        unit: 'validations/s',
        baseline: 'bare ajv validate of the same 30-field schema',
        baselineValue: Math.round(baselineValue),
        ratio: Number(ratio.toFixed(3)),
        target: 'ratio ≥ 0.25 (issues with pointers and bilingual text cost at most 4× bare ajv)',
        met: ratio >= 0.25,
      },
    ];
  },
};

export const benchmarks: Benchmark[] = [guardBenchmark, checkBenchmark, formBenchmark];
