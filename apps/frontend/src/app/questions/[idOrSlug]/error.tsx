'use client';

import { Button } from '../../../components/ui/button';
import { Text } from '../../../components/ui/type';
import { PageMessage } from '../../../components/auth/page-status';

/** The question could not be loaded (the API is down or answered something unexpected). */
export default function QuestionError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageMessage title="This question could not be loaded">
      <Text as="p" className="text-muted">
        The question service did not answer. Try again in a moment.
      </Text>
      <Button variant="outlined" onClick={reset}>
        Try again
      </Button>
    </PageMessage>
  );
}
