import { useEffect, useRef } from 'react';
import { Modal } from 'antd';
import { useNavigate } from 'react-router-dom';
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

/** Marks the history entry the guard adds on top of the editor's own (see useLeaveGuard). */
const GUARD = 'shijianLeaveGuard';
const onGuardEntry = () => (window.history.state as Record<string, unknown> | null)?.[GUARD] === true;
const pushGuardEntry = () => window.history.pushState({ ...(window.history.state as object | null), [GUARD]: true }, '', window.location.href);

/**
 * Asks before unsaved edits are lost. The studio uses a HashRouter, where react-router offers no
 * blocker, so in-app links are caught in the capture phase (before react-router's own click handler)
 * and followed only after the person confirms; reloading or closing the tab gets the browser's prompt.
 *
 * The browser's back button cannot be cancelled, so while there are edits the page adds a second history
 * entry for itself, with react-router's own state, so the router sees no move. Back then lands on the
 * page's first entry, still the same page, and the person is asked there: staying puts the entry back,
 * leaving goes back once more. Once the edits are saved the extra entry is taken away again.
 */
export function useLeaveGuard(dirty: boolean) {
  const t = useT();
  const [modal, holder] = Modal.useModal();
  const navigate = useNavigate();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const armedAt = useRef<string | null>(null);
  const leaveDialog = () => ({
    title: t('designer.leave.title'),
    content: t('designer.leave.body'),
    okText: t('designer.leave.discard'),
    okButtonProps: { danger: true },
    cancelText: t('designer.leave.stay'),
  });

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
    if (!dirty) {
      // Saved: take the extra entry away, unless the page has moved on (a save may navigate).
      if (onGuardEntry() && window.location.hash === armedAt.current) window.history.back();
      armedAt.current = null;
      return;
    }
    if (!onGuardEntry()) pushGuardEntry();
    armedAt.current = window.location.hash;
    const here = window.location.hash;
    const onPop = () => {
      // Forward onto the extra entry, or a jump of several steps: nothing to ask here.
      if (!dirtyRef.current || onGuardEntry() || window.location.hash !== here) return;
      void modal.confirm(leaveDialog()).then(
        (leave) => {
          if (!leave) return pushGuardEntry();
          dirtyRef.current = false;
          window.history.back();
        },
        () => pushGuardEntry(),
      );
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
    // leaveDialog reads only t.
  }, [dirty, modal, t]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!dirtyRef.current) return;
      const href = leavingHref(event, window.location.hash);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      void modal.confirm(leaveDialog()).then((leave) => {
        if (!leave) return;
        dirtyRef.current = false;
        // The new page takes the place of the extra entry, so that back from it comes straight here.
        navigate(href.slice(1), { replace: onGuardEntry() });
      }, () => undefined);
    };
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [modal, navigate, t]);

  return holder;
}
