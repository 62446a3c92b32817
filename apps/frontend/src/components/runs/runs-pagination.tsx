'use client';

import Pagination from '@mui/material/Pagination';
import { pageCount } from '../../lib/history/history-format';

/** Pages of a runs list ("Your submissions", the practice list), named after it for screen readers; nothing for one page. */
export function RunsPagination({
  page,
  total,
  pageSize,
  noun,
  onChange,
}: {
  page: number;
  total: number;
  pageSize: number;
  /** "submissions": "Go to submissions page 2". */
  noun: string;
  onChange(page: number): void;
}) {
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  return (
    <Pagination
      className="self-center"
      count={pages}
      page={Math.min(page, pages)}
      onChange={(_event, next) => onChange(next)}
      color="primary"
      shape="rounded"
      size="small"
      getItemAriaLabel={(type, item, selected) => (type === 'page' ? `${selected ? `${noun} page` : `Go to ${noun} page`} ${item}` : `Go to ${type} page of ${noun}`)}
    />
  );
}
