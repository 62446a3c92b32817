'use client';

import { useState } from 'react';
import { IconButton } from '../ui/icon-button';
import { StaticIcon } from '../ui/static-icon';
import { FieldAdornment, TextInput, type TextInputProps } from './text-input';

/** A password input with a show/hide toggle (typing a long passphrase blind invites typos). */
export function PasswordField(props: Omit<TextInputProps, 'type' | 'endAdornment'>) {
  const [visible, setVisible] = useState(false);
  return (
    <TextInput
      {...props}
      type={visible ? 'text' : 'password'}
      endAdornment={
        <FieldAdornment position="end">
          <IconButton
            aria-label={visible ? 'Hide password' : 'Show password'}
            onClick={() => setVisible((shown) => !shown)}
            edge="end"
            size="small"
          >
            <StaticIcon name={visible ? 'visibilityOff' : 'visibility'} size="small" />
          </IconButton>
        </FieldAdornment>
      }
    />
  );
}
