/** The PeerPrep mark: two peers' brackets around a shared line of code. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path
        d="M12 10l-5 6 5 6M20 10l5 6-5 6"
        fill="none"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="stroke-primary-contrast"
      />
      <circle cx="16" cy="16" r="2.25" className="fill-primary-contrast" />
    </svg>
  );
}
