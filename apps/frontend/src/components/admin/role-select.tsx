'use client';

import { ROLES } from '@peerprep/contracts/constants';
import type { Role, UserProfile } from '@peerprep/contracts';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import { useId } from 'react';

const ROLE_LABELS: Record<Role, string> = { USER: 'User', ADMIN: 'Admin' };

/**
 * A row's role picker: the platform's own <select> (no MUI Menu on the
 * page). Your own row is locked, and says why: demoting yourself would shut
 * this page on you.
 */
export function RoleSelect({
  user,
  isSelf,
  pending,
  onChange,
}: {
  user: UserProfile;
  isSelf: boolean;
  pending: boolean;
  onChange: (role: Role) => void;
}) {
  const noteId = useId();
  return (
    <div className="flex flex-col gap-0.5">
      <NativeSelect
        value={user.role}
        disabled={isSelf || pending}
        onChange={(event) => onChange(event.target.value as Role)}
        input={<OutlinedInput size="small" />}
        inputProps={{ 'aria-label': `Role of ${user.username}`, 'aria-describedby': isSelf ? noteId : undefined }}
        className="min-w-28"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </NativeSelect>
      {isSelf ? (
        <span id={noteId} className="text-xs text-muted">
          Your own role is locked
        </span>
      ) : null}
    </div>
  );
}
