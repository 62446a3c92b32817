import type { ReactNode } from 'react';

export type TagTone = 'neutral' | 'success' | 'warning' | 'error';

/** Text and border per tone: the palette's variables, so both colour schemes follow the theme. */
const TONES: Record<TagTone, string> = {
  neutral: 'border-divider text-muted',
  success: 'border-[color:rgba(var(--mui-palette-success-mainChannel)/0.7)] text-[color:var(--mui-palette-success-main)]',
  warning: 'border-[color:rgba(var(--mui-palette-warning-mainChannel)/0.7)] text-[color:var(--mui-palette-warning-main)]',
  error: 'border-[color:rgba(var(--mui-palette-error-mainChannel)/0.7)] text-[color:var(--mui-palette-error-main)]',
};

const SIZES = { small: 'h-6 px-[7px]', medium: 'h-8 px-[11px]' } as const;

/**
 * A label in a pill, as MUI's outlined <Chip> draws one, for text that does
 * nothing when pressed (topics, difficulty). A plain element: a list of
 * twenty questions with three or four of them each costs a phone no styling
 * work at start-up, where as many Chips cost a noticeable part of it.
 */
export function Tag({ children, tone = 'neutral', size = 'small', className = '' }: { children: ReactNode; tone?: TagTone; size?: keyof typeof SIZES; className?: string }) {
  return (
    <span
      className={`inline-flex max-w-full items-center whitespace-nowrap rounded-full border border-solid text-[0.8125rem] leading-none ${SIZES[size]} ${TONES[tone]} ${className}`}
    >
      <span className="overflow-hidden text-ellipsis">{children}</span>
    </span>
  );
}
