'use client';

import { Text } from '../ui/type';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import { loginPathFor } from '../../lib/auth/next-path';
import { useAuth } from '../auth/auth-provider';
import { PageLoading } from '../auth/page-status';
import { Button } from '../ui/button';
import { LinkButton } from '../ui/link-button';
import type { SoloPracticeProps } from './solo-practice';

/** The editor, the results panel and the contracts come in their own chunk, for signed-in students only. */
const SoloPractice = dynamic(() => import('./solo-practice').then((module) => module.SoloPractice), {
  ssr: false,
  loading: () => <PageLoading label="Loading the editor…" />,
});

/**
 * Where a question's page offers solo practice. Visitors get a link to sign
 * in and nothing else (none of the editor's code). A signed-in student gets
 * the editor once they open it or scroll near it: the page stays light on a
 * phone until then.
 */
export function PracticeEntry(props: SoloPracticeProps) {
  const { status } = useAuth();
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = anchor.current;
    if (status !== 'signedIn' || open || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setOpen(true);
    }, { rootMargin: '200px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [status, open]);

  if (status === 'signedIn' && open) return <SoloPractice {...props} />;
  return (
    <div ref={anchor} className="flex min-h-12 flex-wrap items-center gap-3" data-testid="practice-entry">
      {status === 'signedOut' ? (
        <>
          <LinkButton href={loginPathFor(`/questions/${props.slug}`)} variant="outlined">
            Sign in to run your code
          </LinkButton>
          <Text as="p" className="text-muted">
            Run it against the examples, or submit it against every test.
          </Text>
        </>
      ) : status === 'signedIn' ? (
        <Button variant="contained" onClick={() => setOpen(true)} data-testid="open-practice">
          Open the editor
        </Button>
      ) : null}
    </div>
  );
}
