'use client';

import { LazyAlert as Alert } from '../mui/lazy-alert';
import { describeFailure } from '../../lib/form-errors';
import { Button } from './button';

/** A load that failed, said as every form says it, with "Try again". */
export function RetryAlert({ error, fallback, onRetry, className }: { error: unknown; fallback: string; onRetry(): void; className?: string }) {
  return (
    <Alert
      severity="error"
      role="alert"
      className={className}
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      {describeFailure(error, { fields: [] }).message ?? fallback}
    </Alert>
  );
}
