import { lazy, Suspense, useState, type ComponentType } from 'react';

export interface LazyRendered<P> {
  (props: P): React.ReactNode;
  /** Fetches the renderer's code now (tests, a preview that shows every field type). */
  preload(): Promise<unknown>;
}

/**
 * A renderer whose code (and its antd widgets) loads the first time a form shows such a field. JSON Forms
 * picks renderers synchronously, so only the component waits, never its tester (testers.ts): until the
 * chunk arrives the field renders nothing inside its own Suspense boundary, so the rest of the form stays
 * on screen; once loaded, every later form renders it at once.
 */
export function lazyRenderer<P extends object>(load: () => Promise<ComponentType<P>>): LazyRendered<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined; // a failed fetch (offline) is retried by the next form that needs it
        throw error;
      },
    ));
  const Deferred = lazy(() => preload().then((component) => ({ default: component })));
  function Rendered(props: P) {
    // Chosen once per field: a field first drawn through Suspense stays there once its code has come.
    // Switching it to the loaded component on a later render would mount it afresh, and a control that
    // has the focus (a switch about to take a Space, a number being typed) would lose it mid-gesture.
    const [Loaded] = useState(() => loaded);
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={null}>
        <Deferred {...props} />
      </Suspense>
    );
  }
  return Object.assign(Rendered, { preload });
}
