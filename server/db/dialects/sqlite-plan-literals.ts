import {
  BinaryOperationNode,
  ColumnNode,
  OperationNodeTransformer,
  OperatorNode,
  ReferenceNode,
  ValueNode,
  type KyselyPlugin,
  type LimitNode,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * Columns that a partial index's predicate compares with a constant (`where status = 'open'`,
 * `where kind = 'notify'`, `where event = 'complete'`). tests/server/sqlite-plan-literals.test.ts reads
 * every partial index of the migrated schema and fails when one compares a column missing here.
 */
export const partialIndexColumns: ReadonlySet<string> = new Set(['status', 'kind', 'event']);

/** Values written into the SQL: short, identifier-like, so a literal needs no escaping and the kinds stay few. */
const plainText = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Writes into SQLite's SQL, as literals, the two kinds of value its query planner would otherwise read
 * from the bound parameters: a `LIMIT`, and a value compared with a column of `partialIndexColumns`
 * (whether `status = ?` may use an index `where status = 'open'` depends on the value). A plan made from a
 * bound value is only good for that value, so SQLite marks the statement to be prepared again whenever
 * the parameter is bound, that is, on every run: a kept statement saved nothing, and preparing one costs
 * several times running it (closing an order's open task took ~30 µs, of which ~20 went to preparing it
 * again; `limit ?` against `limit 1`: 2.5 µs against 0.6). With literals the plan is made once and the
 * statement cache (sqlite.ts) keeps it, one statement per value; the values involved are a handful of
 * states, kinds and page sizes. Everything else stays a parameter. PostgreSQL plans unnamed statements with
 * their values each time and needs none of this.
 */
export class PlanLiteralsPlugin implements KyselyPlugin {
  readonly #transformer = new PlanLiterals();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class PlanLiterals extends OperationNodeTransformer {
  protected override transformLimit(node: LimitNode): LimitNode {
    const { limit } = node;
    if (ValueNode.is(limit) && !limit.immediate && Number.isSafeInteger(limit.value) && (limit.value as number) >= 0) {
      return { ...node, limit: ValueNode.createImmediate(limit.value) };
    }
    return super.transformLimit(node);
  }

  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const { leftOperand, operator, rightOperand } = node;
    if (
      OperatorNode.is(operator) &&
      operator.operator === '=' &&
      ValueNode.is(rightOperand) &&
      !rightOperand.immediate &&
      typeof rightOperand.value === 'string' &&
      plainText.test(rightOperand.value) &&
      partialIndexColumns.has(columnName(leftOperand) ?? '')
    ) {
      return BinaryOperationNode.create(leftOperand, operator, ValueNode.createImmediate(rightOperand.value));
    }
    return super.transformBinaryOperation(node);
  }
}

function columnName(node: OperationNode): string | undefined {
  if (ReferenceNode.is(node)) node = node.column;
  return ColumnNode.is(node) ? node.column.name : undefined;
}
