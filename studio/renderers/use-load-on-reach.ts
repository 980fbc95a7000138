import { useState, type ComponentType } from 'react';

/**
 * A heavy component fetched when the person first reaches for its field (focus or press), for the lazy
 * controls: `Component` is undefined until it has loaded (or already was, by another field), and
 * `reached` says whether to take the focus and open at once when it replaces the placeholder. Only if the
 * placeholder still has the focus then: on a slow network the person may have moved on to the next field,
 * and the loaded control must not pull the focus (and their typing) back.
 */
export function useLoadOnReach<P>(loaded: () => ComponentType<P> | undefined, load: () => Promise<ComponentType<P>>) {
  const [Component, setComponent] = useState<ComponentType<P> | undefined>(loaded);
  const [reached, setReached] = useState<{ focus: boolean; open: boolean }>({ focus: false, open: false });
  const reach = (open: boolean, placeholder: Element) => {
    setReached((r) => ({ focus: true, open: r.open || open }));
    if (!Component)
      void load().then((component) => {
        const active = document.activeElement;
        if (active !== null && active !== placeholder && active !== document.body) setReached({ focus: false, open: false });
        setComponent(() => component);
      });
  };
  return { Component, reached, reach };
}
