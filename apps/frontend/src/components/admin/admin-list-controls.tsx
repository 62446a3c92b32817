'use client';

import { useEffect, useState } from 'react';
import { SelectField } from '../forms/select-field';
import { FieldAdornment, TextInput } from '../forms/text-input';
import { IconButton } from '../ui/icon-button';
import { StaticIcon } from '../ui/static-icon';

const SEARCH_DEBOUNCE_MS = 300;

export interface AdminListPaging {
  /** What the admin has typed. */
  search: string;
  /** The search the list asks for: `search` once typing pauses. */
  q: string;
  pageIndex: number;
  pageSize: number;
  /** A new search starts at the first page. */
  changeSearch(value: string): void;
  setPageIndex(index: number): void;
  /** A new page size starts at the first page. */
  changePageSize(size: number): void;
}

/** The search and page of an admin list (users, questions). */
export function useAdminListPaging({ pageSize: initialPageSize, trim = false }: { pageSize: number; trim?: boolean }): AdminListPaging {
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [pageIndex, setPageIndex] = useState(0);
  const [pageSize, setPageSize] = useState(initialPageSize);

  // Search as the admin types, but not one request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(trim ? search.trim() : search), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, trim]);

  return {
    search,
    q,
    pageIndex,
    pageSize,
    changeSearch(value) {
      setSearch(value);
      setPageIndex(0);
    },
    setPageIndex,
    changePageSize(size) {
      setPageSize(size);
      setPageIndex(0);
    },
  };
}

/** The search box above an admin list. */
export function AdminSearchField({ paging, label, placeholder, className }: { paging: AdminListPaging; label: string; placeholder?: string; className: string }) {
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={paging.search}
      onChange={(event) => paging.changeSearch(event.target.value)}
      startAdornment={
        <FieldAdornment position="start">
          <StaticIcon name="search" size="small" />
        </FieldAdornment>
      }
      className={className}
    />
  );
}

/**
 * The pager below an admin list (`total` is undefined until the first page
 * arrives): rows per page, the range shown and previous/next, as MUI's
 * TablePagination has them, without its Select and Menu.
 */
export function AdminListPagination({ paging, total, sizes }: { paging: AdminListPaging; total: number | undefined; sizes: readonly number[] }) {
  // Not before the first page: rows arriving above a pager already drawn would push it down (a layout shift).
  if (total === undefined) return null;
  const count = total;
  const lastIndex = Math.max(0, Math.ceil(count / paging.pageSize) - 1);
  const pageIndex = Math.min(paging.pageIndex, lastIndex);
  const from = count === 0 ? 0 : pageIndex * paging.pageSize + 1;
  const to = Math.min(count, (pageIndex + 1) * paging.pageSize);
  return (
    <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2 px-4 py-3">
      <SelectField
        size="small"
        label="Rows per page"
        value={String(paging.pageSize)}
        options={sizes.map((size) => ({ value: String(size), label: String(size) }))}
        onChange={(value) => paging.changePageSize(Number(value))}
        className="w-32"
      />
      <p className="m-0 text-sm tabular-nums" aria-live="polite">
        {from}–{to} of {count}
      </p>
      <div className="flex">
        <IconButton aria-label="Go to previous page" disabled={pageIndex === 0} onClick={() => paging.setPageIndex(pageIndex - 1)}>
          <StaticIcon name="chevronLeft" />
        </IconButton>
        <IconButton aria-label="Go to next page" disabled={pageIndex >= lastIndex} onClick={() => paging.setPageIndex(pageIndex + 1)}>
          <StaticIcon name="chevronRight" />
        </IconButton>
      </div>
    </div>
  );
}
