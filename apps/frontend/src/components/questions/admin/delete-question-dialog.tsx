'use client';

import type { QuestionSummary } from '@peerprep/contracts';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { noContent } from '../../../lib/contracts';
import { describeSaveFailure } from '../../../lib/questions/field-errors';
import { useAuth } from '../../auth/auth-provider';
import { MuiScope } from '../../mui/mui-scope';

/** DELETE answers 204 with no body. */

/** Asks before deleting `question`; closes with `onDeleted` once the API confirms. */
export function DeleteQuestionDialog({
  question,
  onClose,
  onDeleted,
}: {
  question: QuestionSummary | null;
  onClose(): void;
  onDeleted(question: QuestionSummary): void;
}) {
  const { request } = useAuth();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    if (!question) return;
    setPending(true);
    setError(null);
    try {
      await request(`/questions/${encodeURIComponent(question.id)}`, { method: 'DELETE', schema: noContent });
      onDeleted(question);
    } catch (failure) {
      setError(describeSaveFailure(failure, []).message ?? 'The question was not deleted.');
    } finally {
      setPending(false);
    }
  }

  return (
    <MuiScope>
      <Dialog
        open={question !== null}
        onClose={pending ? undefined : onClose}
        aria-labelledby="delete-question-title"
        aria-describedby="delete-question-text"
        slotProps={{ transition: { onExited: () => setError(null) } }}
      >
        <DialogTitle id="delete-question-title">Delete “{question?.title}”?</DialogTitle>
        <DialogContent className="flex flex-col gap-3">
          <DialogContentText id="delete-question-text">
            The question and all its test cases are removed from the bank and can no longer be matched. This cannot be undone.
          </DialogContentText>
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={pending} autoFocus>
            Cancel
          </Button>
          <Button color="error" variant="contained" onClick={() => void confirm()} disabled={pending}>
            {pending ? 'Deleting…' : 'Delete'}
          </Button>
        </DialogActions>
      </Dialog>
    </MuiScope>
  );
}
