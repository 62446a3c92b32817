'use client';

import InputAdornment from '@mui/material/InputAdornment';
import TablePagination from '@mui/material/TablePagination';
import TextField from '@mui/material/TextField';
import Search from '@mui/icons-material/Search';
import { useEffect, useState } from 'react';

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
    <TextField
      type="search"
      label={label}
      placeholder={placeholder}
      value={paging.search}
      onChange={(event) => paging.changeSearch(event.target.value)}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <Search fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
      className={className}
    />
  );
}

/** The pager below an admin list; `total` is undefined until the first page arrives. */
export function AdminListPagination({ paging, total, sizes }: { paging: AdminListPaging; total: number | undefined; sizes: readonly number[] }) {
  return (
    <TablePagination
      component="div"
      count={total ?? 0}
      page={total !== undefined && total > 0 ? paging.pageIndex : 0}
      onPageChange={(_event, next) => paging.setPageIndex(next)}
      rowsPerPage={paging.pageSize}
      rowsPerPageOptions={[...sizes]}
      onRowsPerPageChange={(event) => paging.changePageSize(Number(event.target.value))}
    />
  );
}
