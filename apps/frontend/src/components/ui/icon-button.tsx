import type { ButtonHTMLAttributes } from 'react';

const SIZES = { small: 'p-[5px]', medium: 'p-2' } as const;
/** MUI's `edge`: the button's padding reaches past the container's edge, so the icon lines up with it. */
const EDGES = { small: { start: '-ml-[3px]', end: '-mr-[3px]' }, medium: { start: '-ml-3', end: '-mr-3' } } as const;

export interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** What the button does (it shows only an icon). */
  'aria-label': string;
  size?: keyof typeof SIZES;
  edge?: 'start' | 'end';
}

/**
 * A round button around an icon, drawn as MUI's IconButton (padding, hover
 * tint, the disabled look) on a plain <button>: nothing to style at start-up.
 */
export function IconButton({ size, edge, className = '', type = 'button', ...button }: IconButtonProps) {
  return <button type={type} className={`${iconButtonClass({ size, edge })} ${className}`} {...button} />;
}

/** The classes of an IconButton, for a link that looks like one. */
export function iconButtonClass({ size = 'medium', edge }: { size?: keyof typeof SIZES; edge?: 'start' | 'end' } = {}) {
  return `inline-flex shrink-0 cursor-pointer items-center justify-center rounded-full border-0 bg-transparent text-[color:var(--mui-palette-action-active)] no-underline transition-colors hover:bg-[color:var(--mui-palette-action-hover)] focus-visible:outline-2 focus-visible:outline-primary disabled:cursor-default disabled:bg-transparent disabled:text-[color:var(--mui-palette-action-disabled)] ${SIZES[size]} ${edge ? EDGES[size][edge] : ''}`;
}
