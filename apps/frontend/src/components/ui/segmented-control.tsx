import type { ReactNode } from 'react';

export interface Segment<Value extends string | number> {
  value: Value;
  label: ReactNode;
}

/**
 * One choice of a few, side by side (Session, Length, Difficulty): what MUI's
 * exclusive ToggleButtonGroup draws (joined outlined buttons, the chosen one
 * tinted with the primary colour), as plain `<button aria-pressed>` in the
 * caller's fieldset. A ToggleButton is a ButtonBase with its ripple; a form
 * with eight of them is start-up work a phone does on every visit.
 * Choosing the chosen one again keeps it (a choice is required).
 */
export function SegmentedControl<Value extends string | number>({
  segments,
  value,
  onChange,
  className,
}: {
  segments: readonly Segment<Value>[];
  /** The chosen one; null before any is chosen. */
  value: Value | null;
  onChange(value: Value): void;
  /** The grid: `grid-cols-2`, `grid-cols-3`. */
  className?: string;
}) {
  return (
    <div className={`grid ${className ?? ''}`}>
      {segments.map((segment, index) => {
        const pressed = segment.value === value;
        const edges = `${index === 0 ? 'rounded-l-[var(--mui-shape-borderRadius)]' : '-ml-px'} ${
          index === segments.length - 1 ? 'rounded-r-[var(--mui-shape-borderRadius)]' : ''
        }`;
        const look = pressed
          ? 'z-[1] border-primary/50 bg-primary/10 text-primary'
          : 'border-divider bg-transparent text-muted hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.04)]';
        return (
          <button
            key={String(segment.value)}
            type="button"
            aria-pressed={pressed}
            onClick={() => onChange(segment.value)}
            className={`relative min-h-10 cursor-pointer border border-solid px-3 py-2 font-sans text-sm leading-tight transition-colors focus-visible:z-[2] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary ${edges} ${look}`}
          >
            {segment.label}
          </button>
        );
      })}
    </div>
  );
}
