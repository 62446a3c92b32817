'use client';

import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import { blockPartner } from '../../lib/feedback/feedback-api';
import { useAuth } from '../auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { useFormSubmission } from '../forms/use-form-submission';

const NO_FIELDS: readonly string[] = [];

/**
 * "Block <partner>", confirmed in a dialog that says what it means. The
 * server's block is idempotent, so the page need not know whether an earlier
 * visit blocked already: pressing it again answers the same block.
 */
export function BlockPartnerButton({ roomId, partnerName }: { roomId: string; partnerName: string }) {
  const { request } = useAuth();
  const form = useFormSubmission({ fields: NO_FIELDS });
  const [open, setOpen] = useState(false);
  const [blocked, setBlocked] = useState(false);

  function close() {
    if (form.pending) return;
    setOpen(false);
    form.showFailure({ fieldErrors: {}, message: null });
  }

  async function confirm() {
    const done = await form.submit(async () => {
      await blockPartner(request, roomId);
    });
    if (done) {
      setBlocked(true);
      setOpen(false);
    }
  }

  return (
    <>
      <Button color="error" variant="outlined" disabled={blocked} onClick={() => setOpen(true)} data-testid="block-partner">
        {blocked ? 'Blocked' : `Block ${partnerName}`}
      </Button>
      {blocked ? (
        <p role="status" className="m-0 text-sm text-muted">
          You will not be matched with {partnerName} again.
        </p>
      ) : null}
      <Dialog open={open} onClose={close} aria-labelledby="block-dialog-title" aria-describedby="block-dialog-text" fullWidth maxWidth="xs">
        <DialogTitle id="block-dialog-title">Block {partnerName}?</DialogTitle>
        <DialogContent className="flex flex-col gap-4">
          <DialogContentText id="block-dialog-text">
            You will never be matched with {partnerName} again. They are not told, and this session stays in both histories.
          </DialogContentText>
          <FormAlert message={form.message} />
        </DialogContent>
        <DialogActions className="px-6 pb-4">
          <Button onClick={close} disabled={form.pending}>
            Cancel
          </Button>
          <Button color="error" variant="contained" onClick={confirm} disabled={form.pending}>
            {form.pending ? 'Blocking…' : 'Block'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
