// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { matchesAccept } from '../../../studio/renderers/UploadField';
import type { UploadFile } from '../../../studio/renderers/context';
import { defineForm, renderForm } from '../helpers';

afterEach(cleanup);

const form = defineForm(
  { properties: { photos: { type: 'array', items: { type: 'string' } }, minutes: { type: 'array', items: { type: 'string' } } } },
  {
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/photos', options: { upload: 'image', maxSizeMb: 1, maxFiles: 2 } },
        { type: 'Control', scope: '#/properties/minutes', options: { upload: 'file', accept: '.pdf,.docx' } },
      ],
    },
    zh: { 'photos.label': '活动照片', 'minutes.label': '会议纪要' },
  },
);

const fileInputs = () => [...document.querySelectorAll<HTMLInputElement>('input[type=file]')];
// antd's Upload loads once files are attached or picked; until then a native input waits behind each button,
// so there is one file input per control either way.
const ready = async (n: number) => {
  await waitFor(() => expect(fileInputs()).toHaveLength(n));
};
const image = (name: string, bytes = 1000) => new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' });

describe('UploadControl', () => {
  test('sends the file through the injected uploader, shows progress, stores the returned id', async () => {
    let finish: (v: { id: string; name: string }) => void = () => undefined;
    let progress: (p: number) => void = () => undefined;
    const uploadFile = vi.fn<UploadFile>((_file, onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const { lastData } = renderForm(form, { uploadFile });
    expect(screen.getByText(/活动照片/)).toBeTruthy();
    expect(screen.getByText('上传照片')).toBeTruthy();
    await ready(2);
    fireEvent.change(fileInputs()[0]!, { target: { files: [image('合影.jpg')] } });
    await waitFor(() => expect(uploadFile).toHaveBeenCalledTimes(1));
    expect(uploadFile.mock.calls[0]![0].name).toBe('合影.jpg');
    progress(40);
    await waitFor(() => expect(document.querySelector('.ant-progress')).not.toBeNull());
    finish({ id: 'att-1', name: '合影.jpg' });
    await waitFor(() => expect(lastData().photos).toEqual(['att-1']));
  });

  test('refuses files over the size limit and beyond the count limit, in Chinese, without uploading them', async () => {
    const uploadFile = vi.fn<UploadFile>(async (file) => ({ id: `id-${file.name}`, name: file.name }));
    const { lastData } = renderForm(form, { uploadFile, data: { photos: ['old-1'] } });
    await ready(2);
    fireEvent.change(fileInputs()[0]!, { target: { files: [image('big.jpg', 2 * 1024 * 1024)] } });
    expect(await screen.findByText('big.jpg 超过 1 MB')).toBeTruthy();
    fireEvent.change(fileInputs()[0]!, { target: { files: [image('a.jpg'), image('b.jpg')] } });
    expect(await screen.findByText('最多上传 2 个')).toBeTruthy();
    await waitFor(() => expect(lastData().photos).toEqual(['old-1', 'id-a.jpg']));
    expect(uploadFile.mock.calls.map((c) => c[0].name)).toEqual(['a.jpg']);
  });

  test('checks the accepted types itself', async () => {
    const uploadFile = vi.fn<UploadFile>(async (file) => ({ id: file.name, name: file.name }));
    renderForm(form, { uploadFile });
    await ready(2);
    fireEvent.change(fileInputs()[1]!, { target: { files: [new File(['x'], 'virus.exe', { type: 'application/octet-stream' })] } });
    expect(await screen.findByText('virus.exe 的文件类型不允许')).toBeTruthy();
    expect(uploadFile).not.toHaveBeenCalled();
    expect(matchesAccept({ name: 'a.PDF', type: '' }, '.pdf,.docx')).toBe(true);
    expect(matchesAccept({ name: 'p.png', type: 'image/png' }, 'image/*')).toBe(true);
    expect(matchesAccept({ name: 'p.png', type: 'image/png' }, 'application/pdf')).toBe(false);
  });

  test('removing a file removes its id', async () => {
    const { lastData } = renderForm(form, { uploadFile: async (f) => ({ id: f.name, name: f.name }), data: { minutes: ['m-1', 'm-2'] } });
    const remove = await screen.findAllByRole('button', { name: /删除|remove/i });
    fireEvent.click(remove[0]!);
    await waitFor(() => expect(lastData().minutes).toEqual(['m-2']));
  });

  test('the upload widget loads only once files are picked; the files picked before it loaded are uploaded', async () => {
    const uploadFile = vi.fn<UploadFile>(async (file) => ({ id: `id-${file.name}`, name: file.name }));
    const { lastData } = renderForm(form, { uploadFile });
    expect(document.querySelector('.ant-upload')).toBeNull();
    // Before loading, each control has one native (hidden) file input behind its button.
    expect(fileInputs()).toHaveLength(2);
    fireEvent.change(fileInputs()[0]!, { target: { files: [image('early.jpg'), image('big.jpg', 2 * 1024 * 1024)] } });
    await waitFor(() => expect(lastData().photos).toEqual(['id-early.jpg']));
    expect(await screen.findByText('big.jpg 超过 1 MB')).toBeTruthy();
    expect(document.querySelector('.ant-upload')).not.toBeNull();
    expect(uploadFile.mock.calls.map((c) => c[0].name)).toEqual(['early.jpg']);
  });

  test('without an uploader the control says so and is disabled', () => {
    renderForm(form);
    expect(screen.getAllByText('当前页面不支持上传').length).toBe(2);
  });

  test('read-only with nothing attached it says so, with no upload button and no upload limits', async () => {
    const uploadFile: UploadFile = async (file) => ({ id: file.name, name: file.name });
    renderForm(form, { readonly: true, uploadFile });
    expect(screen.getAllByText('未上传').length).toBeGreaterThan(0);
    expect(screen.queryByText(/最多 \d+ 个/)).toBeNull();
    expect(screen.queryByRole('button', { name: /上传/ })).toBeNull();
  });
});
