import type { ReactNode } from 'react';

/**
 * A pill that is switched on and off (a topic to match on): a plain
 * <button aria-pressed> drawn like MUI's clickable Chip, outlined when off
 * and filled with the primary colour when on. Twenty of them cost a phone
 * nothing at start-up, where twenty Chips (each with its ripple) do.
 */
export function ToggleTag({
  pressed,
  disabled,
  onToggle,
  children,
}: {
  pressed: boolean;
  disabled?: boolean;
  onToggle(): void;
  children: ReactNode;
}) {
  const look = pressed
    ? 'border-primary bg-primary text-primary-contrast hover:opacity-90'
    : 'border-divider bg-transparent text-foreground hover:bg-[rgba(var(--mui-palette-text-primaryChannel)/0.06)]';
  return (
    <button
      type="button"
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onToggle}
      className={`inline-flex h-8 cursor-pointer items-center rounded-full border border-solid px-3 font-sans text-[0.8125rem] transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary disabled:cursor-default disabled:opacity-40 ${look}`}
    >
      {children}
    </button>
  );
}
