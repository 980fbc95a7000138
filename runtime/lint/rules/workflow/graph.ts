import type { StateSpec } from '../../../schema/workflow';

/** States a state can move to: transitions, send-back targets, withdraw and timeout targets. */
export function successors(state: StateSpec): string[] {
  return [
    ...state.transitions.map((t) => t.to),
    ...(state.sendBack?.targets ?? []),
    ...(state.withdraw ? [state.withdraw.to] : []),
    ...state.timers.flatMap((t) => (t.target ? [t.target] : [])),
  ];
}
