'use client';

import { PageNav } from '../ui/page-nav';
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
    <PageNav className="self-center" count={pages} page={Math.min(page, pages)} onChange={onChange} noun={noun} size="small" />
  );
}
