'use client';

import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState, type FormEvent } from 'react';
import { loadContracts, noContent } from '../../lib/contracts';
import { validateWith } from '../../lib/form-errors';
import { useAuth } from '../auth/auth-provider';
import { FormAlert } from '../forms/form-alert';
import { PasswordField } from '../forms/password-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { MuiScope } from '../mui/mui-scope';

const FIELDS = ['password'] as const;

/**
 * The confirmation: the password again, then DELETE /users/me. Loaded when
 * the profile's "Delete my account…" is first pressed (MUI's Dialog brings a
 * modal, a focus trap and transitions the profile does not need before).
 */
export default function DeleteAccountDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { request, forget } = useAuth();
  const form = useFormSubmission({ fields: FIELDS });
  const [password, setPassword] = useState('');

  function close() {
    if (form.pending) return;
    onClose();
    setPassword('');
    form.showFailure({ fieldErrors: {}, message: null });
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { deleteAccountRequestSchema } = await loadContracts('users');
    const { data, failure } = validateWith(deleteAccountRequestSchema, { password }, FIELDS);
    if (failure) return form.showFailure(failure);
    const deleted = await form.submit(() => request('/users/me', { method: 'DELETE', body: data, schema: noContent }));
    // The server revoked every session; RequireAuth takes the visitor home.
    if (deleted) forget();
  }

  return (
    <MuiScope>
      <Dialog open={open} onClose={close} aria-labelledby="delete-dialog-title" fullWidth maxWidth="xs">
        <form noValidate onSubmit={onSubmit} aria-label="Confirm account deletion">
          <DialogTitle id="delete-dialog-title">Delete your account?</DialogTitle>
          <DialogContent className="flex flex-col gap-4">
            <DialogContentText>This cannot be undone. Enter your password to confirm.</DialogContentText>
            <FormAlert message={form.message} />
            <PasswordField
              label="Password"
              name="password"
              autoComplete="current-password"
              autoFocus
              required
              fullWidth
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
                form.clearFieldError('password');
              }}
              error={Boolean(form.fieldErrors.password)}
              helperText={form.fieldErrors.password}
            />
          </DialogContent>
          <DialogActions className="px-6 pb-4">
            <Button onClick={close} disabled={form.pending}>
              Cancel
            </Button>
            <Button type="submit" color="error" variant="contained" disabled={form.pending || password === ''}>
              {form.pending ? 'Deleting…' : 'Delete account'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </MuiScope>
  );
}
