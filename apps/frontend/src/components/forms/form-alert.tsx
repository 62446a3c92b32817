import dynamic from 'next/dynamic';

// Loaded when a form first has something to say: most visits never submit a
// bad form, so MUI's Alert stays out of the page's first load.
const Alert = dynamic(() => import('@mui/material/Alert'));

/** The message above a form. `role="alert"` so screen readers announce it when it appears. */
export function FormAlert({ message, severity = 'error' }: { message: string | null; severity?: 'error' | 'success' }) {
  if (!message) return null;
  return (
    <Alert severity={severity} role={severity === 'error' ? 'alert' : 'status'} className="mb-2">
      {message}
    </Alert>
  );
}
