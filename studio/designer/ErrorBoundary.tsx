import { Component, type ReactNode } from 'react';

/** Keeps the editor usable when a half-edited definition makes the preview throw; resets when `resetKey` changes. */
export class ErrorBoundary extends Component<{ fallback: (error: Error) => ReactNode; resetKey: string; children: ReactNode }, { error?: Error | undefined; key: string }> {
  override state: { error?: Error | undefined; key: string } = { key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string }) {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
