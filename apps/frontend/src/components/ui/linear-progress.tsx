/**
 * MUI's indeterminate LinearProgress (a 4 px track, a bar crossing it) drawn
 * by CSS (`.linear-progress` in globals.css) on plain elements.
 */
export function LinearProgress({ 'aria-label': label }: { 'aria-label': string }) {
  return (
    <div role="progressbar" aria-label={label} className="linear-progress">
      <div />
    </div>
  );
}
