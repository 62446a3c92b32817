import { requireAdmin, requireAuth, signedInUser, type TokenVerifier } from '@peerprep/auth';
import {
  changePasswordRequestSchema,
  changeRoleRequestSchema,
  deleteAccountRequestSchema,
  listUsersQuerySchema,
  updateProfileRequestSchema,
  userIdParamsSchema,
  type ChangePasswordRequest,
  type ChangeRoleRequest,
  type DeleteAccountRequest,
  type ListUsersQuery,
  type UpdateProfileRequest,
  type UserIdParams,
} from '@peerprep/contracts';
import { validate } from '@peerprep/service-kit';
import { Router } from 'express';
import { setRefreshCookie, type RefreshCookieSettings } from '../auth/refresh-cookie';
import type { UsersService } from './users.service';

/**
 * /api/users/me* act on the caller only (the id comes from the token, never
 * from the request); /api/users and /api/users/:id/role are for admins.
 */
export interface UsersRoutesDeps {
  users: UsersService;
  verifier: TokenVerifier;
  cookie: RefreshCookieSettings;
}

export function usersRoutes({ users, verifier, cookie }: UsersRoutesDeps): Router {
  const router = Router();
  const signedIn = requireAuth(verifier);
  const admin = requireAdmin(verifier);

  router.get('/api/users/me', signedIn, async (req, res) => {
    res.json(await users.getOwnProfile(signedInUser(req).id));
  });

  router.patch('/api/users/me', signedIn, validate(updateProfileRequestSchema, 'body'), async (req, res) => {
    res.json(await users.updateOwnProfile(signedInUser(req).id, req.body as UpdateProfileRequest));
  });

  router.delete('/api/users/me', signedIn, validate(deleteAccountRequestSchema, 'body'), async (req, res) => {
    const { password } = req.body as DeleteAccountRequest;
    await users.deleteOwnAccount(signedInUser(req).id, password, String(req.id));
    res.status(204).end();
  });

  router.post('/api/users/me/password', signedIn, validate(changePasswordRequestSchema, 'body'), async (req, res) => {
    const { currentPassword, newPassword } = req.body as ChangePasswordRequest;
    const session = await users.changeOwnPassword(signedInUser(req).id, currentPassword, newPassword);
    // The cookie is scoped to /api/auth whatever path sets it.
    setRefreshCookie(res, session.refreshToken, cookie);
    res.status(204).end();
  });

  router.get('/api/users', admin, validate(listUsersQuerySchema, 'query'), async (req, res) => {
    res.json(await users.listUsers(req.query as unknown as ListUsersQuery));
  });

  router.patch(
    '/api/users/:id/role',
    admin,
    validate(userIdParamsSchema, 'params'),
    validate(changeRoleRequestSchema, 'body'),
    async (req, res) => {
      const { id } = req.params as UserIdParams;
      res.json(await users.changeRole(id, (req.body as ChangeRoleRequest).role));
    },
  );

  return router;
}
