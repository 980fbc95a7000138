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

/**
 * Asks before unsaved edits are lost. The studio uses a HashRouter, where react-router offers no
 * blocker, so in-app links are caught in the capture phase (before react-router's own click handler)
 * and followed only after the person confirms; reloading or closing the tab gets the browser's prompt.
 */
export function useLeaveGuard(dirty: boolean) {
  const t = useT();
  const [modal, holder] = Modal.useModal();
  const navigate = useNavigate();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

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
    const onClick = (event: MouseEvent) => {
      if (!dirtyRef.current) return;
      const href = leavingHref(event, window.location.hash);
      if (!href) return;
      event.preventDefault();
      event.stopPropagation();
      void modal
        .confirm({
          title: t('designer.leave.title'),
          content: t('designer.leave.body'),
          okText: t('designer.leave.discard'),
          okButtonProps: { danger: true },
          cancelText: t('designer.leave.stay'),
        })
        .then((leave) => {
          if (!leave) return;
          dirtyRef.current = false;
          navigate(href.slice(1));
        }, () => undefined);
    };
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [modal, navigate, t]);

  return holder;
}
