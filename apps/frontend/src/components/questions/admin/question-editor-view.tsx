'use client';

import { questionSchema } from '@peerprep/contracts';
import Button from '@mui/material/Button';
import { Text } from '../../ui/type';
import { IntentLink } from '../../intent-link';
import { ApiError } from '../../../lib/api-error';
import { describeFailure } from '../../../lib/form-errors';
import { AccountPage } from '../../account/account-page';
import { useAuth } from '../../auth/auth-provider';
import { PageLoading, PageMessage } from '../../auth/page-status';
import { RequireAuth } from '../../auth/require-auth';
import { useApiResource } from '../use-api-resource';
import { QuestionForm } from './question-form';

function EditQuestion({ idOrSlug }: { idOrSlug: string }) {
  const { request } = useAuth();
  // As an admin: the answer includes the hidden test cases and the interviewer material (hints, reference solutions, rubric), which a PUT must send back.
  const question = useApiResource(`question:${idOrSlug}`, (signal) =>
    request(`/questions/${encodeURIComponent(idOrSlug)}`, { schema: questionSchema, signal }),
  );
  if (question.error) {
    const missing = question.error instanceof ApiError && question.error.status === 404;
    return (
      <PageMessage title={missing ? 'Question not found' : 'The question could not be loaded'}>
        <Text as="p" className="text-muted">
          {missing ? 'It may have been deleted.' : describeFailure(question.error, { fields: [] }).message}
        </Text>
        <Button component={IntentLink} href="/admin/questions" variant="outlined">
          Back to the questions
        </Button>
      </PageMessage>
    );
  }
  if (question.loading || !question.data) return <PageLoading label="Loading the question…" />;
  return (
    <AccountPage title={`Edit “${question.data.title}”`} wide>
      <QuestionForm key={question.data.id} question={question.data} />
    </AccountPage>
  );
}

/** `/admin/questions/new` (no idOrSlug) and `/admin/questions/[idOrSlug]/edit`. */
export function QuestionEditorView({ idOrSlug }: { idOrSlug?: string }) {
  return (
    <RequireAuth role="ADMIN">
      {idOrSlug ? (
        <EditQuestion idOrSlug={idOrSlug} />
      ) : (
        <AccountPage title="New question" intro="Everything a student sees, and the test cases their code is judged by." wide>
          <QuestionForm />
        </AccountPage>
      )}
    </RequireAuth>
  );
}
