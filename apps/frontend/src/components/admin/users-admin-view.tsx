'use client';

import { LazyAlert as Alert } from '../mui/lazy-alert';
import { LinearProgress } from '../ui/linear-progress';
import type { Role, UserProfile } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../lib/api-error';
import { describeFailure } from '../../lib/form-errors';
import { loadContracts } from '../../lib/contracts';
import { useAuth } from '../auth/auth-provider';
import { PageMessage } from '../auth/page-status';
import { RequireAuth } from '../auth/require-auth';
import { AccountPage } from '../account/account-page';
import { useCompactLayout } from '../use-compact-layout';
import { initialOf } from '../user-initial';
import { AdminListPagination, AdminSearchField, useAdminListPaging } from './admin-list-controls';
import { RoleSelect } from './role-select';
import { useUsersPage } from './use-users-page';

const PAGE_SIZES = [10, 20, 50];

interface UserListProps {
  users: readonly UserProfile[];
  /** The search the list answers, for the empty message (null until the first page arrives). */
  q: string | null;
  busy: boolean;
  roleSelect(user: UserProfile): ReactNode;
}

function joinedOn(user: UserProfile): string {
  return new Date(user.createdAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

function UserIdentity({ user }: { user: UserProfile }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-secondary text-sm text-background" aria-hidden="true">
        {initialOf(user.displayName)}
      </span>
      <div className="min-w-0">
        <div className="truncate font-semibold">{user.displayName}</div>
        <div className="truncate text-sm text-muted">@{user.username}</div>
      </div>
    </div>
  );
}

function UserTable({ users, q, busy, roleSelect }: UserListProps) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Users" aria-busy={busy} className="data-table">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Email</th>
            <th scope="col">Joined</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row">
              <td>
                <UserIdentity user={user} />
              </td>
              <td className="break-all">{user.email}</td>
              <td className="whitespace-nowrap">{joinedOn(user)}</td>
              <td>{roleSelect(user)}</td>
            </tr>
          ))}
          {users.length === 0 && q !== null ? (
            <tr>
              <td colSpan={4} className="py-10 text-center text-muted">
                No user matches “{q}”.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** On a phone: one card per user (identity, email, date, role) instead of a four-column table. */
function UserCards({ users, q, busy, roleSelect }: UserListProps) {
  if (users.length === 0 && q !== null) {
    return <Text className="px-4 py-10 text-center text-muted">No user matches “{q}”.</Text>;
  }
  return (
    <ul aria-label="Users" aria-busy={busy} className="m-0 list-none divide-y divide-divider p-0">
      {users.map((user) => (
        <li key={user.id} data-testid="user-row" className="flex flex-col gap-3 px-4 py-3">
          <UserIdentity user={user} />
          <div className="break-all text-sm">{user.email}</div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm text-muted">Joined {joinedOn(user)}</span>
            {roleSelect(user)}
          </div>
        </li>
      ))}
    </ul>
  );
}

function UsersPage() {
  const { user: me, request } = useAuth();
  const paging = useAdminListPaging({ pageSize: 20 });
  const { q } = paging;
  const [savingId, setSavingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const users = useUsersPage({ page: paging.pageIndex + 1, pageSize: paging.pageSize, q });
  const compact = useCompactLayout();

  async function changeRole(target: UserProfile, role: Role) {
    setSavingId(target.id);
    setNotice(null);
    try {
      const { changeRoleRequestSchema, userProfileSchema } = await loadContracts('users');
      const updated = await request(`/users/${encodeURIComponent(target.id)}/role`, {
        method: 'PATCH',
        body: changeRoleRequestSchema.parse({ role }),
        schema: userProfileSchema,
      });
      users.setPage((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) }));
      setNotice({ severity: 'success', text: `${updated.username} is now ${updated.role === 'ADMIN' ? 'an admin' : 'a user'}.` });
    } catch (error) {
      setNotice({ severity: 'error', text: describeFailure(error, { fields: [] }).message ?? 'The role was not changed.' });
    } finally {
      setSavingId(null);
    }
  }

  if (users.error instanceof ApiError && users.error.status === 403) {
    return (
      <PageMessage title="403 · Admins only">
        <Text className="text-muted">Your account no longer has admin rights.</Text>
      </PageMessage>
    );
  }

  const page = users.page;
  const roleSelect = (user: UserProfile) => (
    <RoleSelect user={user} isSelf={user.id === me?.id} pending={savingId === user.id} onChange={(role) => void changeRole(user, role)} />
  );
  return (
    <>
      <AdminSearchField paging={paging} label="Search users" placeholder="Username, email or display name" className="max-w-md" />
      {notice ? (
        <Alert severity={notice.severity} role={notice.severity === 'error' ? 'alert' : 'status'} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      ) : null}
      {users.error ? (
        <Alert severity="error" role="alert">
          {describeFailure(users.error, { fields: [] }).message}
        </Alert>
      ) : null}
      <Surface className="overflow-hidden rounded-2xl">
        <div className="h-1">{users.loading ? <LinearProgress aria-label="Loading users" /> : null}</div>
        {compact ? (
          <UserCards users={page?.items ?? []} q={page ? q : null} busy={users.loading} roleSelect={roleSelect} />
        ) : (
          <UserTable users={page?.items ?? []} q={page ? q : null} busy={users.loading} roleSelect={roleSelect} />
        )}
        <AdminListPagination paging={paging} total={page?.total} sizes={PAGE_SIZES} />
      </Surface>
    </>
  );
}

export function UsersAdminView() {
  // The frame renders on the server, outside the session check (see ProfileView).
  return (
    <AccountPage title="Manage users" intro="Search accounts and grant or remove admin rights." wide>
      <RequireAuth role="ADMIN">
        <UsersPage />
      </RequireAuth>
    </AccountPage>
  );
}
