import { useEffect, useRef } from 'react';
import { Modal } from 'antd';
import { useNavigate } from 'react-router-dom';
import { holdLeave } from '../shell/leave-confirmation';
import { useT } from './i18n';

/** The in-app destination of a click, when the click would leave the page through a link. */
export function leavingHref(event: MouseEvent, currentHash: string): string | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!anchor || anchor.getAttribute('target') === '_blank' || anchor.hasAttribute('download')) return undefined;
  const href = anchor.getAttribute('href') ?? '';
  // Only hash routes are in-app; other links leave the studio and meet the browser's own unload prompt.
  if (!href.startsWith('#')) return undefined;
  return href === currentHash ? undefined : href;
}

/** react-router's position of the current history entry, kept in the entry's state; null for entries it did not make. */
function historyIndex(): number | null {
  const idx = (window.history.state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' ? idx : null;
}

/**
 * Asks before unsaved edits are lost. The studio uses a HashRouter, where react-router offers no
 * blocker, so in-app links are caught in the capture phase (before react-router's own click handler)
 * and followed only after the person confirms; reloading or closing the tab gets the browser's prompt.
 *
 * The browser's back and forward buttons cannot be cancelled, but the router can be kept from following
 * them: the guard sees the history move before react-router's own listener does (see
 * shell/leave-confirmation.ts) and stops the event there. The page stays as it is while the person is
 * asked; staying steps the history back to this page's entry, leaving lets the router go where the
 * browser already is.
 */
export function useLeaveGuard(dirty: boolean) {
  const t = useT();
  const [modal, holder] = Modal.useModal();
  const navigate = useNavigate();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  /** Asks; resolves whether the person chose to leave, and if so the page no longer holds them. */
  const askToLeave = () =>
    modal
      .confirm({
        title: t('designer.leave.title'),
        content: t('designer.leave.body'),
        okText: t('designer.leave.discard'),
        okButtonProps: { danger: true },
        cancelText: t('designer.leave.stay'),
      })
      .then(
        (leave) => {
          if (leave) dirtyRef.current = false;
          return leave;
        },
        () => false,
      );

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (event: BeforeUnloadEvent) => {
      // Read the live flag: after "discard and leave" the page must not ask again, and React may run
      // this effect's clean-up only after the navigation has already happened.
      if (!dirtyRef.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  useEffect(() => {
    if (!dirty) return;
    const hereIndex = historyIndex();
    let asking = false;
    let returning = false;
    // Back to this page's own entry, by as many steps as the browser moved away (router indexes), else one.
    const returnHere = () => {
      const now = historyIndex();
      returning = true;
      window.history.go(hereIndex !== null && now !== null ? hereIndex - now : 1);
    };
    const onPop = (event: PopStateEvent) => {
      if (!dirtyRef.current) return;
      // Back on this page's entry after staying: the router never left it, so it may see this move.
      if (returning) {
        returning = false;
        return;
      }
      event.stopImmediatePropagation();
      if (asking) return;
      asking = true;
      void askToLeave().then((leave) => {
        asking = false;
        // The browser is on the page to go to already; leaving, the router follows it there.
        if (leave) navigate(window.location.hash.slice(1), { replace: true });
        else returnHere();
      });
    };
    // Signing out asks too; the hold sees history moves before the router (shell/leave-confirmation.ts).
    return holdLeave({ onPopState: onPop, ask: askToLeave });
    // askToLeave reads only modal and t.
  }, [dirty, modal, navigate, t]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!dirtyRef.current) return;
      const href = leavingHref(event, window.location.hash);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      void askToLeave().then((leave) => leave && navigate(href.slice(1)));
    };
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [modal, navigate, t]);

  return holder;
}
