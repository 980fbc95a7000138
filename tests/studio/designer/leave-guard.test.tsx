// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { HashRouter, Link, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LocaleProvider } from '../../../studio/i18n';
import { useLeaveGuard } from '../../../studio/designer/leave-guard';
import { confirmLeave } from '../../../studio/shell/leave-confirmation';

afterEach(cleanup);
beforeEach(() => {
  window.location.hash = '#/editor';
});

function Editor() {
  const [dirty, setDirty] = useState(false);
  const holder = useLeaveGuard(dirty);
  return (
    <div>
      {holder}
      <button onClick={() => setDirty(true)}>edit</button>
      <Link to="/elsewhere">away</Link>
    </div>
  );
}

function mount() {
  render(
    <LocaleProvider initial="zh-CN">
      <HashRouter>
        <Routes>
          <Route path="/editor" element={<Editor />} />
          <Route path="/elsewhere" element={<p>elsewhere page</p>} />
        </Routes>
      </HashRouter>
    </LocaleProvider>,
  );
}

const unload = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

const discardButtons = () => screen.queryAllByRole('button', { name: '放弃修改并离开' });

/**
 * The discard button of the dialog just asked for. antd keeps a closed dialog in the DOM while it animates
 * out, so the one answered a moment ago may still be there: wait for a button that is not one of
 * `closing`. (Clicking the closing dialog's button answers nothing, and the test waited until it timed out.)
 */
async function newestDialogButton(closing: readonly HTMLElement[]): Promise<HTMLElement> {
  let fresh: HTMLElement | undefined;
  await waitFor(() => {
    fresh = discardButtons().find((button) => !closing.includes(button));
    expect(fresh).toBeDefined();
  });
  return fresh!;
}

// The back button is tested in Chromium (tests/e2e/designer-more.test.ts): happy-dom's history does not
// keep a state per entry, which the guard's return to the editor's entry relies on.
describe('unsaved-changes guard', () => {
  test('without edits a link navigates at once and unload is not held', async () => {
    mount();
    expect(unload()).toBe(false);
    fireEvent.click(screen.getByText('away'));
    expect(await screen.findByText('elsewhere page')).toBeTruthy();
    expect(screen.queryByText('有未保存的修改')).toBeNull();
  });

  test('with edits a link asks first: stay keeps the page, discard leaves; unload is held', async () => {
    mount();
    fireEvent.click(screen.getByText('edit'));
    expect(unload()).toBe(true);
    fireEvent.click(screen.getByText('away'));
    expect((await screen.findAllByText('有未保存的修改')).length).toBeGreaterThan(0);
    expect(window.location.hash).toBe('#/editor');
    fireEvent.click(screen.getByRole('button', { name: '留在此页' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText('edit')).toBeTruthy();
    expect(window.location.hash).toBe('#/editor');

    const closing = discardButtons();
    fireEvent.click(screen.getByText('away'));
    fireEvent.click(await newestDialogButton(closing));

    expect(await screen.findByText('elsewhere page')).toBeTruthy();
    expect(window.location.hash).toBe('#/elsewhere');
    // The editor is gone, and so is its unload prompt.
    expect(unload()).toBe(false);
  });

  test('signing out asks too: without edits it goes ahead at once; with edits stay says no, discard says yes', async () => {
    mount();
    expect(await confirmLeave()).toBe(true);
    fireEvent.click(screen.getByText('edit'));
    const stay = confirmLeave();
    fireEvent.click((await screen.findAllByRole('button', { name: '留在此页' })).at(-1)!);
    expect(await stay).toBe(false);
    expect(unload()).toBe(true);
    const closing = discardButtons();
    const leave = confirmLeave();
    fireEvent.click(await newestDialogButton(closing));
    expect(await leave).toBe(true);
    expect(unload()).toBe(false);
    cleanup();
    // The editor is gone: nothing is held any more.
    expect(await confirmLeave()).toBe(true);
  });
});
