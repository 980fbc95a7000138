/**
 * Uploads to the server's attachments API (`POST /api/attachments`, raw body typed by the file's MIME
 * type) and reports progress, which fetch cannot do for uploads — hence XMLHttpRequest where it exists.
 * Plug the result into ShijianForm's `uploadFile`.
 */
import type { UploadFile, UploadedFile } from '../renderers/context';
import { ApiError, readCookie, type Problem } from './client';

export interface StoredAttachment {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  fileName: string | null;
  uploadedAt: string;
}

export interface AttachmentUploaderOptions {
  baseUrl?: string;
  /** The org unit the file belongs to (scopes who may see it), when the form knows it. */
  orgUnitId?: string;
}

export const attachmentUrl = (id: string, baseUrl = '') => `${baseUrl}/api/attachments/${encodeURIComponent(id)}`;

function problemFrom(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as Problem;
    if (typeof body.title === 'string') return new ApiError({ ...body, status });
  } catch {
    // Not JSON: fall through to a plain error with the text.
  }
  return new ApiError({ type: 'about:blank', title: `HTTP ${status}`, status, detail: text || undefined });
}

function toUploaded(stored: StoredAttachment, file: File, baseUrl: string): UploadedFile {
  return { id: stored.id, name: stored.fileName ?? file.name, url: attachmentUrl(stored.id, baseUrl) };
}

export function createAttachmentUploader(options: AttachmentUploaderOptions = {}): UploadFile {
  const baseUrl = options.baseUrl ?? '';
  const upload: UploadFile = (file, onProgress) => {
    const query = new URLSearchParams({ fileName: file.name, ...(options.orgUnitId ? { orgUnitId: options.orgUnitId } : {}) });
    const url = `${baseUrl}/api/attachments?${query}`;
    const csrf = readCookie('csrf');
    const type = file.type || 'application/octet-stream';
    if (typeof XMLHttpRequest === 'undefined') {
      return fetch(url, { method: 'POST', body: file, credentials: 'include', headers: { 'Content-Type': type, ...(csrf ? { 'X-CSRF-Token': csrf } : {}) } }).then(async (response) => {
        const text = await response.text();
        if (!response.ok) throw problemFrom(response.status, text);
        onProgress(100);
        return toUploaded(JSON.parse(text) as StoredAttachment, file, baseUrl);
      });
    }
    return new Promise<UploadedFile>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Content-Type', type);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress(100);
          resolve(toUploaded(JSON.parse(xhr.responseText) as StoredAttachment, file, baseUrl));
        } else reject(problemFrom(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError({ type: 'network', title: 'Network error', status: 0 }));
      xhr.send(file);
    });
  };
  upload.urlOf = (id) => attachmentUrl(id, baseUrl);
  return upload;
}
