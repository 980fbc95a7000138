import type { ReactNode } from 'react';

export type BadgeTone = 'waiting' | 'done' | 'info' | 'muted' | 'bad';

/** A small status label with AA contrast on phones outdoors (antd's coloured tags fall short of 4.5:1). */
export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`sj-cm-badge sj-cm-badge-${tone}`}>{children}</span>;
}
