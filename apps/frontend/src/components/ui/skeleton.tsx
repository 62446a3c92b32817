/**
 * A placeholder shape while content loads, as MUI's Skeleton draws one (the
 * text colour at low opacity, pulsing), on a plain element.
 */
export function Skeleton({ width, height, rounded = 'md', className = '' }: { width: number | string; height: number; rounded?: 'md' | 'full'; className?: string }) {
  return (
    <span
      aria-hidden="true"
      style={{ width, height }}
      className={`block animate-pulse bg-[rgba(var(--mui-palette-text-primaryChannel)/0.11)] ${rounded === 'full' ? 'rounded-full' : 'rounded-[10px]'} ${className}`}
    />
  );
}
