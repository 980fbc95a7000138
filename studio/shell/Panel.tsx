import type { CSSProperties, ReactNode } from 'react';
import './panel.css';

export interface PanelProps {
  title?: ReactNode;
  /** antd Card's small size: tighter head and padding, for phones. */
  small?: boolean;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}

/**
 * A titled box in antd Card's look. Card itself brings Tabs, Dropdown, Menu and Skeleton (about 22 KB
 * gzipped) for its tab list and loading state; the login box and the form's groups use neither, and both
 * sit on the phone paths that must stay light.
 */
export function Panel({ title, small, className, style, children }: PanelProps) {
  return (
    <div className={`sj-panel${small ? ' sj-panel-small' : ''}${className ? ` ${className}` : ''}`} style={style}>
      {title ? (
        <div className="sj-panel-head">
          <div className="sj-panel-title">{title}</div>
        </div>
      ) : null}
      <div className="sj-panel-body">{children}</div>
    </div>
  );
}
