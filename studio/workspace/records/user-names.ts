/**
 * People's display names for ids the server hands out (history actors, team leaders, assessors). The
 * server answers only for people the reader may see; an id it leaves out stays unnamed and the screen
 * falls back to its own wording. Names are cached per reader, since another person may see other names.
 */
import { useEffect, useState } from 'react';
import { api, type Client } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';

const BATCH = 100;

export class NameBook {
  private readonly known = new Map<string, string | null>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly client: Client = api) {}

  name(id: string): string | undefined {
    return this.known.get(id) ?? undefined;
  }

  /** Looks up the ids not asked before; resolves when every one is known or known to be unnamed. */
  async resolve(ids: readonly string[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => id.length > 0 && !this.known.has(id) && !this.pending.has(id));
    for (let i = 0; i < fresh.length; i += BATCH) {
      const chunk = fresh.slice(i, i + BATCH);
      const request = this.client
        .get<{ items: { id: string; displayName: string }[] }>('/api/users/names', { query: { ids: chunk.join(',') } })
        .then((answer) => {
          const named = new Map(answer.items.map((item) => [item.id, item.displayName]));
          for (const id of chunk) this.known.set(id, named.get(id) ?? null);
        })
        .finally(() => chunk.forEach((id) => this.pending.delete(id)));
      chunk.forEach((id) => this.pending.set(id, request));
    }
    await Promise.all([...new Set(ids)].map((id) => this.pending.get(id)).filter((p) => p !== undefined));
  }
}

const books = new Map<string, NameBook>();

function bookFor(userId: string): NameBook {
  let book = books.get(userId);
  if (!book) {
    book = new NameBook();
    books.set(userId, book);
  }
  return book;
}

/** A lookup that fills in as names arrive; unnamed ids give undefined. */
export function useUserNames(ids: readonly string[]): (id: string) => string | undefined {
  const { state } = useAuth();
  const book = bookFor(state.user?.id ?? '');
  const [, setVersion] = useState(0);
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    if (!key) return;
    // One lookup may serve several screens, so leaving a screen only stops it from re-rendering.
    const controller = new AbortController();
    book
      .resolve(key.split(','))
      .then(() => {
        if (!controller.signal.aborted) setVersion((n) => n + 1);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [book, key]);
  return (id) => book.name(id);
}
