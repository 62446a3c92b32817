'use client';

import type { UsersPage } from '@peerprep/contracts';
import { startTransition, useEffect, useState } from 'react';
import { contract } from '../../lib/contracts';
import { useAuth } from '../auth/auth-provider';

export interface UsersQuery {
  /** 1-based, as the API counts. */
  page: number;
  pageSize: number;
  q: string;
}

type Loaded = { key: string; page: UsersPage; error: null } | { key: string; page: null; error: unknown };

/**
 * One page of GET /users for `query`. Loading is derived (the last answer is
 * for another query), so a stale answer never shows as the current one; an
 * answer for an abandoned query is dropped by the abort.
 */
export function useUsersPage(query: UsersQuery) {
  const { request } = useAuth();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = JSON.stringify([query.page, query.pageSize, query.q]);

  useEffect(() => {
    const controller = new AbortController();
    request('/users', {
      schema: contract('users', 'usersPageSchema'),
      query: { page: query.page, pageSize: query.pageSize, q: query.q.trim() || undefined },
      signal: controller.signal,
    }).then(
      // A transition, as in useApiResource: the table renders time-sliced.
      (page) => startTransition(() => setLoaded({ key, page, error: null })),
      (error: unknown) => {
        if (!controller.signal.aborted) startTransition(() => setLoaded({ key, page: null, error }));
      },
    );
    return () => controller.abort();
  }, [key, query.page, query.pageSize, query.q, request]);

  const current = loaded?.key === key ? loaded : null;
  return {
    loading: current === null,
    error: current?.error ?? null,
    // Keep showing the previous page while the next loads, so the table does not jump.
    page: current?.page ?? loaded?.page ?? null,
    /** Replaces one row after an edit, without a refetch. */
    setPage: (update: (page: UsersPage) => UsersPage) =>
      setLoaded((previous) => (previous?.page ? { ...previous, page: update(previous.page) } : previous)),
  };
}
