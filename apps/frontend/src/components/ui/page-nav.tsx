'use client';

import usePagination from '@mui/material/usePagination';
import { StaticIcon } from './static-icon';

/**
 * Numbered pages with previous/next, as MUI's rounded Pagination draws them
 * and with its choice of pages and ellipses (the headless `usePagination`),
 * but as plain buttons: MUI's Pagination renders a ButtonBase with its ripple
 * for every item, which a phone pays for on every list page at start-up.
 */
export function PageNav({
  count,
  page,
  onChange,
  noun,
  size = 'medium',
  className,
}: {
  count: number;
  page: number;
  onChange(page: number): void;
  /** What is paged, when a page has several lists ("submissions": "Go to submissions page 2"). */
  noun?: string;
  size?: 'small' | 'medium';
  className?: string;
}) {
  const { items } = usePagination({ count, page, onChange: (_event, next) => onChange(next) });
  return (
    <nav aria-label={noun ? `${noun} pages` : 'pagination navigation'} className={className}>
      <ul className="m-0 flex list-none flex-wrap items-center gap-1 p-0">
        {items.map(({ type, page: itemPage, selected, disabled, onClick }, index) => {
          if (type === 'start-ellipsis' || type === 'end-ellipsis') {
            return (
              <li key={`${type}-${index}`} className="min-w-8 text-center text-sm text-foreground" aria-hidden="true">
                …
              </li>
            );
          }
          const pageWord = noun ? `${noun} page` : 'page';
          const label =
            type === 'page'
              ? `${selected ? (noun ? pageWord : 'Page') : `Go to ${pageWord}`} ${itemPage}`
              : `Go to ${type === 'previous' ? 'previous' : 'next'} page${noun ? ` of ${noun}` : ''}`;
          const look = selected
            ? 'border-primary bg-primary text-primary-contrast'
            : 'border-transparent bg-transparent text-foreground hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.06)]';
          return (
            <li key={`${type}-${itemPage ?? index}`}>
              <button
                type="button"
                aria-label={label}
                aria-current={selected ? 'page' : undefined}
                disabled={disabled}
                onClick={onClick}
                className={`inline-flex ${size === 'small' ? 'h-[26px] min-w-[26px] text-[0.8125rem]' : 'h-8 min-w-8 text-sm'} cursor-pointer items-center justify-center rounded border border-solid px-1.5 font-sans tabular-nums transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:cursor-default disabled:opacity-40 ${look}`}
              >
                {type === 'page' ? itemPage : <StaticIcon name={type === 'previous' ? 'chevronLeft' : 'chevronRight'} size="small" />}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
