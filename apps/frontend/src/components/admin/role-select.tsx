'use client';

import { ROLES } from '@peerprep/contracts/constants';
import type { Role, UserProfile } from '@peerprep/contracts';
import { useId } from 'react';
import { StaticIcon } from '../ui/static-icon';

const ROLE_LABELS: Record<Role, string> = { USER: 'User', ADMIN: 'Admin' };

/**
 * A row's role picker: the platform's own <select>, drawn by CSS (no MUI
 * on the page). Your own row is locked, and says why: demoting yourself would shut
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
      {/* The outlined field of SelectField (`.field` in globals.css), small and labelled by aria-label: a row needs no visible label. */}
      <div className="field min-w-28" data-size="small" data-disabled={isSelf || pending ? true : undefined}>
        <div className="field-box">
          <select
            className="field-input"
            value={user.role}
            disabled={isSelf || pending}
            onChange={(event) => onChange(event.target.value as Role)}
            aria-label={`Role of ${user.username}`}
            aria-describedby={isSelf ? noteId : undefined}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <StaticIcon name="arrowDropDown" className="field-select-icon" />
          <fieldset aria-hidden="true" className="field-outline">
            <legend />
          </fieldset>
        </div>
      </div>
      {isSelf ? (
        <span id={noteId} className="text-xs text-muted">
          Your own role is locked
        </span>
      ) : null}
    </div>
  );
}
