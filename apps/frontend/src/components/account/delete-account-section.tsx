'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { Button } from '../ui/button';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';

const DeleteAccountDialog = dynamic(() => import('./delete-account-dialog'), { ssr: false });

/** The danger zone: deleting needs the password again, typed into a confirmation dialog. */
export function DeleteAccountSection() {
  const [open, setOpen] = useState(false);
  // Mounted from the first press on, so that closing it can play its transition.
  const [opened, setOpened] = useState(false);

  return (
    <Surface
      as="section"
      aria-labelledby="delete-account"
      className="rounded-2xl border-red-500/40 p-6"
    >
      <Text id="delete-account" variant="h2" className="text-xl">
        Delete account
      </Text>
      <Text as="p" variant="body2" className="mt-1 text-muted">
        Your account and sessions are removed for good; your past sessions stay with your peers, anonymised.
      </Text>
      <Button
        color="error"
        variant="outlined"
        className="mt-4"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        Delete my account…
      </Button>
      {opened ? <DeleteAccountDialog open={open} onClose={() => setOpen(false)} /> : null}
    </Surface>
  );
}
