/**
 * Fired on `window` when someone signs in or out. What a page keeps for the person signed in (lists that
 * depend on their scope) is dropped on it, so the next person on a shared office computer never sees it.
 * An event rather than an import, so that the sign-in page does not carry the code of every such cache.
 */
export const SESSION_CHANGED = 'shijian:session-changed';

export function announceSessionChange(): void {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(SESSION_CHANGED));
}
