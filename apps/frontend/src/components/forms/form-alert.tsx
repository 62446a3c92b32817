import { LazyAlert as Alert } from '../mui/lazy-alert';

/**
 * The message above a form. `role="alert"` so screen readers announce it when
 * it appears. Most visits never submit a bad form: the Alert loads on first use.
 */
export function FormAlert({ message, severity = 'error' }: { message: string | null; severity?: 'error' | 'success' }) {
  if (!message) return null;
  return (
    <Alert severity={severity} role={severity === 'error' ? 'alert' : 'status'} className="mb-2">
      {message}
    </Alert>
  );
}
