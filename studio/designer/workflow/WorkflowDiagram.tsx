import { useMemo } from 'react';
import { useLocale, useT } from '../i18n';
import { localized } from '../text';
import { edgesOf, layeredLayout, stepKindNames, type Edge, type StepKindName, type WorkflowBody } from './workflow-model';

const NODE_W = 132;
const NODE_H = 46;
const GAP_X = 74;
const GAP_Y = 34;
const PAD = 24;

export type Selection = { type: 'state'; key: string } | { type: 'transition'; from: string; index: number } | undefined;

const edgeColor: Record<Edge['kind'], string> = { transition: '#595959', sendBack: '#d46b08', withdraw: '#8c8c8c' };

/** The state diagram drawn as SVG in BFS layers from the initial state; click a state or a transition to edit it. */
export function WorkflowDiagram({ body, selection, onSelect }: { body: WorkflowBody; selection: Selection; onSelect(selection: Selection): void }) {
  const t = useT();
  const { locale } = useLocale();
  const nodes = useMemo(() => layeredLayout(body), [body]);
  const edges = useMemo(() => edgesOf(body), [body]);
  const position = new Map(nodes.map((n) => [n.key, { x: PAD + n.layer * (NODE_W + GAP_X), y: PAD + n.row * (NODE_H + GAP_Y) }]));
  const width = PAD * 2 + (Math.max(0, ...nodes.map((n) => n.layer)) + 1) * (NODE_W + GAP_X) - GAP_X;
  const height = PAD * 2 + (Math.max(0, ...nodes.map((n) => n.row)) + 1) * (NODE_H + GAP_Y) - GAP_Y + 20;
  const seen = new Map<string, number>();

  return (
    // Focusable so keyboard users can scroll a wide diagram.
    <div tabIndex={0} role="region" aria-label={t('designer.workflow.diagram')} style={{ overflowX: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fcfcfc' }}>
      <svg role="img" aria-label={t('designer.workflow.diagram')} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-diagram style={{ display: 'block', fontSize: 12 }}>
        <defs>
          {Object.entries(edgeColor).map(([kind, color]) => (
            <marker key={kind} id={`arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
            </marker>
          ))}
        </defs>
        {edges.map((edge, i) => {
          const a = position.get(edge.from);
          const b = position.get(edge.to);
          if (!a || !b) return null;
          const pair = `${edge.from}->${edge.to}`;
          const nth = seen.get(pair) ?? 0;
          seen.set(pair, nth + 1);
          const selected = selection?.type === 'transition' && edge.kind === 'transition' && selection.from === edge.from && selection.index === edge.index;
          const transition = edge.index !== undefined ? body.states[edge.from]?.transitions?.[edge.index] : undefined;
          const text = edge.kind === 'transition' ? localized(transition?.title, locale) || edge.event : t(`designer.workflow.edge.${edge.kind}`);
          let d: string;
          let lx: number;
          let ly: number;
          if (edge.from === edge.to) {
            const x = a.x + NODE_W / 2 + nth * 10;
            d = `M ${x - 14} ${a.y} C ${x - 30} ${a.y - 36 - nth * 8}, ${x + 30} ${a.y - 36 - nth * 8}, ${x + 14} ${a.y}`;
            lx = x;
            ly = a.y - 30 - nth * 8;
          } else {
            const forward = b.x > a.x || (b.x === a.x && b.y > a.y);
            const x1 = forward ? a.x + NODE_W : a.x;
            const x2 = forward ? b.x : b.x + NODE_W;
            const y1 = a.y + NODE_H / 2 + (forward ? -6 : 6);
            const y2 = b.y + NODE_H / 2 + (forward ? -6 : 6);
            const bend = (forward ? -1 : 1) * (18 + nth * 16) * (b.x === a.x ? 3 : 1);
            const cx = (x1 + x2) / 2 + (b.x === a.x ? bend : 0);
            const cy = (y1 + y2) / 2 + (b.x === a.x ? 0 : bend);
            d = `M ${x1} ${y1} Q ${cx} ${cy} ${x2} ${y2}`;
            lx = (x1 + 2 * cx + x2) / 4;
            ly = (y1 + 2 * cy + y2) / 4;
          }
          const select = () => edge.kind === 'transition' && edge.index !== undefined && onSelect({ type: 'transition', from: edge.from, index: edge.index });
          return (
            <g key={i} data-edge={`${edge.from}:${edge.event}:${edge.to}`} onClick={select} style={{ cursor: edge.kind === 'transition' ? 'pointer' : 'default' }}>
              <path d={d} fill="none" stroke="transparent" strokeWidth={10} />
              <path d={d} fill="none" stroke={selected ? '#0958d9' : edgeColor[edge.kind]} strokeWidth={selected ? 2.5 : 1.2} strokeDasharray={edge.kind === 'transition' ? undefined : '4 3'} markerEnd={`url(#arrow-${edge.kind})`} />
              <text x={lx} y={ly - 2} textAnchor="middle" fill={selected ? '#0958d9' : '#434343'} style={{ paintOrder: 'stroke', stroke: '#fcfcfc', strokeWidth: 3 }}>
                {text}
              </text>
            </g>
          );
        })}
        {nodes.map((node) => {
          const p = position.get(node.key)!;
          const state = body.states[node.key]!;
          const selected = selection?.type === 'state' && selection.key === node.key;
          const kind = state.task?.kind;
          return (
            <g key={node.key} data-state={node.key} transform={`translate(${p.x},${p.y})`} onClick={() => onSelect({ type: 'state', key: node.key })} style={{ cursor: 'pointer' }}>
              <rect width={NODE_W} height={NODE_H} rx={state.final ? 22 : 6} fill={node.key === body.initial ? '#e6f4ff' : state.final ? '#f6ffed' : '#fff'} stroke={selected ? '#0958d9' : state.final ? '#389e0d' : '#8c8c8c'} strokeWidth={selected ? 2.5 : 1.2} />
              <text x={NODE_W / 2} y={19} textAnchor="middle" fontWeight={600}>
                {localized(state.title, locale) || node.key}
              </text>
              <text x={NODE_W / 2} y={36} textAnchor="middle" fill="#8c8c8c">
                {kind && (stepKindNames as readonly string[]).includes(kind) ? t(`designer.workflow.kind.${kind as StepKindName}`) : state.final ? t('designer.workflow.final') : (kind ?? node.key)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
