/**
 * Whatever page holds unsaved edits registers here how to ask before they are lost (the designer's
 * useLeaveGuard): the shell asks before signing out, and the browser's back and forward buttons reach the
 * page before the router. A module of its own so that the shell's bundle does not take in the designer.
 */
export interface LeaveHold {
  /** Asks the person; resolves whether they chose to leave. */
  ask(): Promise<boolean>;
  /** Sees a history move first; stopping the event keeps the router from following it. */
  onPopState(event: PopStateEvent): void;
}

let held: LeaveHold | null = null;

// Listeners of one event at the window run in the order they were added, whatever their phase, so this
// one is added when the module loads, before the router mounts and adds its own.
if (typeof window !== 'undefined') window.addEventListener('popstate', (event) => held?.onPopState(event));

/** Registers the page with unsaved edits; the returned function unregisters it. */
export function holdLeave(hold: LeaveHold): () => void {
  held = hold;
  return () => {
    if (held === hold) held = null;
  };
}

/** Resolves true at once when nothing is unsaved; otherwise asks, and resolves whether the person chose to leave. */
export function confirmLeave(): Promise<boolean> {
  return held === null ? Promise.resolve(true) : held.ask();
}
