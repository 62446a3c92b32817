'use client';

import MuiAlert, { type AlertProps } from '@mui/material/Alert';
import { MuiScope } from './mui-scope';

/** MUI's Alert in its theme (see lazy-alert.tsx, which loads it). */
export default function ScopedAlert(props: AlertProps) {
  return (
    <MuiScope>
      <MuiAlert {...props} />
    </MuiScope>
  );
}
