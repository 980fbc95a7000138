import { useRef } from 'react';
import { Button } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';

/**
 * A button that picks one file, in the studio's language and look: the browser's own file input says
 * "Choose File / No file chosen" in the browser's language, whatever the page's. The input stays in the
 * page, hidden, labelled, so assistive technology and tests can still reach it.
 */
export function FilePickButton({ label, accept, onPick, disabled }: { label: string; accept: string; onPick: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" icon={<PaperClipOutlined />} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        accept={accept}
        aria-label={label}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          event.target.value = '';
        }}
      />
    </>
  );
}
