import { ApiError } from '../api/client';

/**
 * The server points into the command body (`/data/teamId`); a step form's fields live at `/teamId`.
 * Re-rooting the pointers lets ShijianForm show each message next to its field.
 */
export function rerootCommandError(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.errors.length === 0) return error;
  const errors = error.errors.map((e) => (e.pointer.startsWith('/data/') ? { ...e, pointer: e.pointer.slice('/data'.length) } : e));
  return new ApiError({ type: error.type, title: error.title, status: error.status, detail: error.detail, errors });
}
