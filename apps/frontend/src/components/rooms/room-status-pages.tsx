'use client';

import Button from '@mui/material/Button';
import { Text } from '../ui/type';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ApiError } from '../../lib/api-client';
import { loginPathFor } from '../../lib/auth/next-path';
import { describeFailure } from '../../lib/form-errors';
import { PageLoading, PageMessage } from '../auth/page-status';

/** A 401 that outlived the session's own refresh: log in again, then come back here. */
function LoginRedirect() {
  const router = useRouter();
  useEffect(() => {
    router.replace(loginPathFor(`${window.location.pathname}${window.location.search}`));
  }, [router]);
  return <PageLoading label="Redirecting to the login page…" />;
}

export interface LoadFailureCopy {
  /** What the thing is, for the titles: "room", "attempt". */
  noun: string;
  forbidden: string;
  backHref: '/match' | '/history';
  backLabel: string;
}

/** The page for a failed load of a room or an attempt: 401 → login, 403, 404, anything else with a retry. */
export function LoadFailure({ error, copy, onRetry }: { error: unknown; copy: LoadFailureCopy; onRetry(): void }) {
  const status = error instanceof ApiError ? error.status : null;
  if (status === 401) return <LoginRedirect />;
  const back = (
    <Button href={copy.backHref} variant="outlined">
      {copy.backLabel}
    </Button>
  );
  if (status === 403) {
    return (
      <PageMessage title={`403 · Not your ${copy.noun}`}>
        <Text as="p" className="text-muted" data-testid="load-error" data-status="403">
          {copy.forbidden}
        </Text>
        {back}
      </PageMessage>
    );
  }
  // A malformed id (400) is as unknown as a missing one.
  if (status === 404 || status === 400) {
    return (
      <PageMessage title={`404 · ${copy.noun[0].toUpperCase()}${copy.noun.slice(1)} not found`}>
        <Text as="p" className="text-muted" data-testid="load-error" data-status="404">
          There is no such {copy.noun}. Check the link.
        </Text>
        {back}
      </PageMessage>
    );
  }
  return (
    <PageMessage title={`The ${copy.noun} could not be loaded`}>
      <Text as="p" className="text-muted" data-testid="load-error" data-status={status ?? 'error'}>
        {describeFailure(error, { fields: [] }).message ?? 'Something went wrong.'}
      </Text>
      <Button variant="contained" onClick={onRetry}>
        Try again
      </Button>
    </PageMessage>
  );
}
