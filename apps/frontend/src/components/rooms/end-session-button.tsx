'use client';

import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';

/** "End session", confirmed first: it ends the room for both users and cannot be undone. */
export function EndSessionButton({ ending, disabled, onConfirm }: { ending: boolean; disabled: boolean; onConfirm(): Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" color="error" disabled={disabled || ending} onClick={() => setOpen(true)} data-testid="end-session-button">
        {ending ? 'Ending…' : 'End session'}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="end-session-title" aria-describedby="end-session-text">
        <DialogTitle id="end-session-title">End this session?</DialogTitle>
        <DialogContent>
          <DialogContentText id="end-session-text">
            The session ends for both of you: the code and the chat become read-only and are saved to your history.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} data-testid="cancel-end-session">
            Keep working
          </Button>
          <Button
            color="error"
            variant="contained"
            data-testid="confirm-end-session"
            onClick={() => {
              setOpen(false);
              void onConfirm();
            }}
          >
            Yes, end it
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
