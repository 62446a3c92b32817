'use client';

import { ROLES } from '@peerprep/contracts/constants';
import type { Role, UserProfile } from '@peerprep/contracts';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Tooltip from '@mui/material/Tooltip';

const ROLE_LABELS: Record<Role, string> = { USER: 'User', ADMIN: 'Admin' };

/** A row's role picker. Your own row is locked: demoting yourself would shut this page on you. */
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
  const select = (
    <Select
      size="small"
      value={user.role}
      disabled={isSelf || pending}
      onChange={(event) => onChange(event.target.value as Role)}
      inputProps={{ 'aria-label': `Role of ${user.username}` }}
      className="min-w-28"
    >
      {ROLES.map((role) => (
        <MenuItem key={role} value={role}>
          {ROLE_LABELS[role]}
        </MenuItem>
      ))}
    </Select>
  );
  if (!isSelf) return select;
  return (
    <Tooltip title="You cannot change your own role">
      <span>{select}</span>
    </Tooltip>
  );
}
